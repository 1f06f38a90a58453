package offline

// Serialized inventory results: what a player's client hands a server to prove which items it
// holds (SerializeResult on the client, DeserializeResult on the server). Like auth tickets
// (auth.go) they are authenticated with HMAC-SHA256 under the realm key, so every process of a
// realm accepts the others' results and nothing outside it can forge one. Layout of version 1
// (integers little-endian):
//
//	0   version     1 byte, serializedVersion
//	1   owner       uint64 Steam ID whose items these are
//	9   app ID      uint32
//	13  timestamp   uint32 Unix seconds: when the result was made (GetResultTimestamp)
//	17  count       uint16 items
//	19  items       count x 16 bytes: item ID uint64, definition int32, quantity uint16, flags uint16
//	..  properties  uint32 length, then that many bytes: a JSON array, per item, of its dynamic
//	                properties as the inventory store writes them (null for none)
//	end MAC         32 bytes, HMAC-SHA256(key, serializedContext || every byte before it)
//
// DeserializeResult gives a result whatever the bytes say, as Steam does: RESULT_FAIL with no
// items and no owner for bytes that are not a result of this realm and app (wrong version, length
// or MAC: forged or damaged), RESULT_EXPIRED with the items for one made more than
// SerializedResultLifetime ago, else RESULT_OK. checkResultSteamID then says whose it is.

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/gosteam/godot-steam-server/steam"
)

const (
	serializedVersion   = 1
	serializedHeaderLen = 19
	serializedItemLen   = 16
	serializedContext   = "gosteam offline inventory result\x00"
)

func resultMAC(key, body []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(serializedContext))
	m.Write(body)
	return m.Sum(nil)
}

// encodeResult serializes a finished result of owner for app.
func encodeResult(key []byte, app uint32, owner steam.SteamID, stamp uint32, items []resultItem) ([]byte, error) {
	props := make([]map[string]fileProperty, len(items))
	for i, it := range items {
		props[i] = encodeProps(it.props)
	}
	js, _ := json.Marshal(props) // maps of strings, numbers and bools always marshal
	size := serializedHeaderLen + serializedItemLen*len(items) + 4 + len(js) + sha256.Size
	if len(items) > 0xFFFF || size > steam.MaxSerializedResult {
		return nil, fmt.Errorf("the result serializes to %d bytes with %d items; at most %d bytes: make a smaller one with getItemsByID",
			size, len(items), steam.MaxSerializedResult)
	}
	b := make([]byte, serializedHeaderLen, size)
	b[0] = serializedVersion
	binary.LittleEndian.PutUint64(b[1:], uint64(owner))
	binary.LittleEndian.PutUint32(b[9:], app)
	binary.LittleEndian.PutUint32(b[13:], stamp)
	binary.LittleEndian.PutUint16(b[17:], uint16(len(items)))
	for _, it := range items {
		b = binary.LittleEndian.AppendUint64(b, it.ItemID)
		b = binary.LittleEndian.AppendUint32(b, uint32(it.Definition))
		b = binary.LittleEndian.AppendUint16(b, it.Quantity)
		b = binary.LittleEndian.AppendUint16(b, it.Flags)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(js)))
	b = append(b, js...)
	return append(b, resultMAC(key, b)...), nil
}

// serialized is a decoded result.
type serialized struct {
	owner steam.SteamID
	stamp uint32
	items []resultItem
}

var errNotAResult = errors.New("not a serialized result of this realm and app")

// decodeResult checks the version, lengths, MAC and app of b.
func decodeResult(key []byte, app uint32, b []byte) (serialized, error) {
	if len(b) < serializedHeaderLen+4+sha256.Size || b[0] != serializedVersion {
		return serialized{}, errNotAResult
	}
	body := b[:len(b)-sha256.Size]
	if !hmac.Equal(b[len(body):], resultMAC(key, body)) || binary.LittleEndian.Uint32(b[9:]) != app {
		return serialized{}, errNotAResult
	}
	s := serialized{owner: steam.SteamID(binary.LittleEndian.Uint64(b[1:])), stamp: binary.LittleEndian.Uint32(b[13:])}
	count := int(binary.LittleEndian.Uint16(b[17:]))
	at := serializedHeaderLen + serializedItemLen*count
	if at+4 > len(body) || int(binary.LittleEndian.Uint32(body[at:])) != len(body)-at-4 {
		return serialized{}, errNotAResult
	}
	var props []map[string]fileProperty
	if err := json.Unmarshal(body[at+4:], &props); err != nil || len(props) != count {
		return serialized{}, errNotAResult
	}
	for i := range count {
		p := b[serializedHeaderLen+serializedItemLen*i:]
		decoded, err := decodeProps(props[i])
		if err != nil {
			return serialized{}, errNotAResult
		}
		s.items = append(s.items, resultItem{ItemDetails: steam.ItemDetails{ItemID: binary.LittleEndian.Uint64(p),
			Definition: int32(binary.LittleEndian.Uint32(p[8:])), Quantity: binary.LittleEndian.Uint16(p[12:]),
			Flags: binary.LittleEndian.Uint16(p[14:])}, props: decoded})
	}
	return s, nil
}
