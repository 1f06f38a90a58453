package offline

// The offline data file tells the emulation what Steam would know about users and clans: who owns
// which apps and DLC, group memberships, bans, denials, compatibility and clan answers. A game's test
// suite ships one so its tests get the answers they need. It is JSON, read at every serverInit from
// the file GOSTEAM_OFFLINE_DATA names (which must then exist), else from steam_offline.json in the
// working directory when there is one (as steam_appid.txt); without either, defaults apply. Steam IDs
// are written as decimal strings (JSON numbers are accepted too, but many JSON writers round them).
//
//	{
//	  "format": 1,
//	  "owns_server_app": true,
//	  "users": {
//	    "76561197960287930": {"name": "Alice", "apps": [1001, 1002], "groups": {"103582791429521412": "officer"}}
//	  },
//	  "vac_banned": ["76561197960287931"],
//	  "publisher_banned": ["76561197960287932"],
//	  "denied": {"76561197960287933": 5},
//	  "compat": {"76561197960287934": {"result": 1, "players_dont_like_candidate": 2}},
//	  "associate_clan_result": 1,
//	  "clans": {"103582791429521413": 15}
//	}
//
// Every key is optional; unknown keys, wrong types and invalid IDs or values are errors, reported with
// the file's path and the line and column.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

// EnvOfflineData names the offline data file.
const EnvOfflineData = "GOSTEAM_OFFLINE_DATA"

// DefaultDataFile is read from the working directory when EnvOfflineData is not set.
const DefaultDataFile = "steam_offline.json"

// DataFormat is the only "format" value understood.
const DataFormat = 1

// GroupMembership is what RequestUserGroupStatus reports for one user in one group.
type GroupMembership struct{ Member, Officer bool }

// User is what Steam knows of one user.
type User struct {
	// Name is the player's name in the server's player list until updateUserData sets one.
	Name string
	// Apps lists the apps and DLC the user owns (besides the server's app, see Data.OwnsServerApp).
	Apps []uint32
	// Groups gives the user's membership of each group.
	Groups map[steam.SteamID]GroupMembership
}

// Compat is the answer to ComputeNewPlayerCompatibility for one candidate.
type Compat struct {
	Result                       steam.Result
	PlayersDontLikeCandidate     int32
	PlayersCandidateDoesntLike   int32
	ClanPlayersDontLikeCandidate int32
}

// Data is the content of an offline data file. The zero value is the defaults: everyone owns the
// server's app and nothing else, belongs to no group, is neither banned nor denied, is compatible with
// everyone, and every clan association succeeds.
type Data struct {
	// OwnsServerApp false means only users whose Apps list the server's app own it. Use NewData or
	// the file's default (true); the zero Data has it false only when built by hand.
	OwnsServerApp   bool
	Users           map[steam.SteamID]User
	VACBanned       map[steam.SteamID]bool
	PublisherBanned map[steam.SteamID]bool
	// Denied users are refused by SendUserConnectAndAuthenticate with this reason.
	Denied map[steam.SteamID]steam.DenyReason
	Compat map[steam.SteamID]Compat
	// AssociateClanResult answers AssociateWithClan for clans not in Clans; 0 means ResultOK.
	AssociateClanResult steam.Result
	Clans               map[steam.SteamID]steam.Result
	// Path is the file the data came from, "" if none.
	Path string
}

// NewData returns the defaults (what no data file gives).
func NewData() *Data { return &Data{OwnsServerApp: true} }

// Owns reports whether user owns app, on a server running serverApp.
func (d *Data) Owns(user steam.SteamID, app, serverApp uint32) bool {
	if app == serverApp && d.OwnsServerApp {
		return true
	}
	for _, a := range d.Users[user].Apps {
		if a == app {
			return true
		}
	}
	return false
}

// ClanResult is the associate_clan result for clan.
func (d *Data) ClanResult(clan steam.SteamID) steam.Result {
	if r, ok := d.Clans[clan]; ok {
		return r
	}
	if d.AssociateClanResult != 0 {
		return d.AssociateClanResult
	}
	return steam.ResultOK
}

// LoadData reads the data file the environment names (see the package comment); no file gives NewData.
func LoadData() (*Data, error) {
	if path := steam.Getenv(EnvOfflineData); path != "" {
		return ReadDataFile(path)
	}
	wd, err := os.Getwd()
	if err != nil {
		return NewData(), nil
	}
	path := filepath.Join(wd, DefaultDataFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return NewData(), nil
	}
	return ReadDataFile(path)
}

// ReadDataFile reads and checks one data file.
func ReadDataFile(path string) (*Data, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		how := "cannot be read: " + err.Error()
		switch {
		case errors.Is(err, fs.ErrNotExist):
			how = "does not exist"
		case errors.Is(err, fs.ErrPermission):
			how = "cannot be read (permission denied)"
		}
		return nil, fmt.Errorf("offline data file %s %s", path, how)
	}
	d, err := ParseData(b)
	if err != nil {
		return nil, fmt.Errorf("offline data file %s: %v", path, err)
	}
	d.Path = path
	return d, nil
}

// File shapes. Pointers tell "absent" from a zero value where the default is not zero.

type fileData struct {
	Format              *int                  `json:"format"`
	OwnsServerApp       *bool                 `json:"owns_server_app"`
	Users               map[string]fileUser   `json:"users"`
	VACBanned           []jsonID              `json:"vac_banned"`
	PublisherBanned     []jsonID              `json:"publisher_banned"`
	Denied              map[string]int64      `json:"denied"`
	Compat              map[string]fileCompat `json:"compat"`
	AssociateClanResult *int64                `json:"associate_clan_result"`
	Clans               map[string]int64      `json:"clans"`
}

type fileUser struct {
	Name   string            `json:"name"`
	Apps   []int64           `json:"apps"`
	Groups map[string]string `json:"groups"`
}

type fileCompat struct {
	Result                       *int64 `json:"result"`
	PlayersDontLikeCandidate     int64  `json:"players_dont_like_candidate"`
	PlayersCandidateDoesntLike   int64  `json:"players_candidate_doesnt_like"`
	ClanPlayersDontLikeCandidate int64  `json:"clan_players_dont_like_candidate"`
}

// jsonID is a Steam ID written as a decimal string or a JSON number.
type jsonID string

func (j *jsonID) UnmarshalJSON(b []byte) error {
	s := string(b)
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	*j = jsonID(s)
	return nil
}

// maxNameLen bounds a user's name, as updateUserData does.
const maxNameLen = steam.MaxPlayerNameLen

// ParseData checks and converts the JSON of a data file.
func ParseData(b []byte) (*Data, error) {
	var f fileData
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, describeJSONError(b, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%s: more content after the JSON object", lineCol(b, dec.InputOffset()))
	}
	if f.Format != nil && *f.Format != DataFormat {
		return nil, fmt.Errorf("format is %d; this version reads format %d", *f.Format, DataFormat)
	}
	d := NewData()
	if f.OwnsServerApp != nil {
		d.OwnsServerApp = *f.OwnsServerApp
	}
	if len(f.Users) > 0 {
		d.Users = make(map[steam.SteamID]User, len(f.Users))
	}
	for key, u := range f.Users {
		id, err := parseUserID("users", key)
		if err != nil {
			return nil, err
		}
		if len(u.Name) > maxNameLen || strings.ContainsRune(u.Name, 0) {
			return nil, fmt.Errorf("users.%s.name must be at most %d bytes without NUL characters", key, maxNameLen)
		}
		user := User{Name: u.Name}
		for _, a := range u.Apps {
			if !steam.ValidAppID(a) {
				return nil, fmt.Errorf("users.%s.apps: %d is not an app ID (0 to 4294967295)", key, a)
			}
			user.Apps = append(user.Apps, uint32(a))
		}
		for gkey, role := range u.Groups {
			gid, err := parseClanID("users."+key+".groups", gkey)
			if err != nil {
				return nil, err
			}
			var m GroupMembership
			switch role {
			case "member":
				m = GroupMembership{Member: true}
			case "officer":
				m = GroupMembership{Member: true, Officer: true}
			default:
				return nil, fmt.Errorf("users.%s.groups.%s must be \"member\" or \"officer\", got %q", key, gkey, role)
			}
			if user.Groups == nil {
				user.Groups = map[steam.SteamID]GroupMembership{}
			}
			user.Groups[gid] = m
		}
		d.Users[id] = user
	}
	var err error
	if d.VACBanned, err = idSet("vac_banned", f.VACBanned); err != nil {
		return nil, err
	}
	if d.PublisherBanned, err = idSet("publisher_banned", f.PublisherBanned); err != nil {
		return nil, err
	}
	for key, reason := range f.Denied {
		id, err := parseUserID("denied", key)
		if err != nil {
			return nil, err
		}
		if reason < int64(steam.DenyInvalid) || reason > int64(steam.DenySteamOwnerLeftGuestUser) {
			return nil, fmt.Errorf("denied.%s: %d is not a DenyReason (0 to %d)", key, reason, steam.DenySteamOwnerLeftGuestUser)
		}
		if d.Denied == nil {
			d.Denied = map[steam.SteamID]steam.DenyReason{}
		}
		d.Denied[id] = steam.DenyReason(reason)
	}
	for key, c := range f.Compat {
		id, err := parseUserID("compat", key)
		if err != nil {
			return nil, err
		}
		comp := Compat{Result: steam.ResultOK}
		if c.Result != nil {
			if comp.Result, err = parseResult("compat."+key+".result", *c.Result); err != nil {
				return nil, err
			}
		}
		counts := []struct {
			name string
			v    int64
			dst  *int32
		}{
			{"players_dont_like_candidate", c.PlayersDontLikeCandidate, &comp.PlayersDontLikeCandidate},
			{"players_candidate_doesnt_like", c.PlayersCandidateDoesntLike, &comp.PlayersCandidateDoesntLike},
			{"clan_players_dont_like_candidate", c.ClanPlayersDontLikeCandidate, &comp.ClanPlayersDontLikeCandidate},
		}
		for _, n := range counts {
			if n.v < 0 || n.v > 1<<31-1 {
				return nil, fmt.Errorf("compat.%s.%s must be between 0 and 2147483647, got %d", key, n.name, n.v)
			}
			*n.dst = int32(n.v)
		}
		if d.Compat == nil {
			d.Compat = map[steam.SteamID]Compat{}
		}
		d.Compat[id] = comp
	}
	if f.AssociateClanResult != nil {
		if d.AssociateClanResult, err = parseResult("associate_clan_result", *f.AssociateClanResult); err != nil {
			return nil, err
		}
	}
	for key, r := range f.Clans {
		id, err := parseClanID("clans", key)
		if err != nil {
			return nil, err
		}
		res, err := parseResult("clans."+key, r)
		if err != nil {
			return nil, err
		}
		if d.Clans == nil {
			d.Clans = map[steam.SteamID]steam.Result{}
		}
		d.Clans[id] = res
	}
	return d, nil
}

func parseID(where, s string) (steam.SteamID, error) {
	v, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not a Steam ID (a decimal 64-bit number such as \"76561197960287930\")", where, s)
	}
	return steam.SteamID(v), nil
}

func parseUserID(where, s string) (steam.SteamID, error) {
	id, err := parseID(where, s)
	if err != nil {
		return 0, err
	}
	if !id.Valid() {
		return 0, fmt.Errorf("%s: %s is not a valid Steam ID (universe, account type or account number)", where, s)
	}
	if t := id.AccountType(); t == steam.AccountTypeClan || t == steam.AccountTypeChat {
		return 0, fmt.Errorf("%s: %s is a group or chat Steam ID, not a user's", where, s)
	}
	return id, nil
}

func parseClanID(where, s string) (steam.SteamID, error) {
	id, err := parseID(where, s)
	if err != nil {
		return 0, err
	}
	if !id.Valid() || id.AccountType() != steam.AccountTypeClan {
		return 0, fmt.Errorf("%s: %s is not a group (clan) Steam ID (account type 7)", where, s)
	}
	return id, nil
}

func parseResult(where string, v int64) (steam.Result, error) {
	if v < 1 || v > 1<<31-1 {
		return 0, fmt.Errorf("%s: %d is not an EResult (1 = OK, 2 = Fail, ...)", where, v)
	}
	return steam.Result(v), nil
}

func idSet(where string, ids []jsonID) (map[steam.SteamID]bool, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	set := make(map[steam.SteamID]bool, len(ids))
	for _, s := range ids {
		id, err := parseUserID(where, string(s))
		if err != nil {
			return nil, err
		}
		set[id] = true
	}
	return set, nil
}

// describeJSONError adds the line and column to a decoding error.
func describeJSONError(b []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Errorf("%s: invalid JSON: %v", lineCol(b, syntax.Offset-1), err) // Offset is just past the fault
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the top level"
		}
		return fmt.Errorf("%s: %s must be %s, got a JSON %s", lineCol(b, typ.Offset), field, jsonTypeName(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.EOF):
		return errors.New("the file is empty; write {} for the defaults")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the JSON ends early")
	}
	// Unknown fields: "json: unknown field \"x\"".
	return errors.New(strings.TrimPrefix(err.Error(), "json: "))
}

func jsonTypeName(kind string) string {
	switch kind {
	case "map", "struct":
		return "an object"
	case "slice":
		return "an array"
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	}
	return "a whole number"
}

func lineCol(b []byte, offset int64) string {
	offset = max(0, min(offset, int64(len(b))))
	line, col := 1, 1
	for _, c := range b[:offset] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("line %d, column %d", line, col)
}
