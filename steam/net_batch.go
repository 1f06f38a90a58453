package steam

// Received messages come in a MessageBatch the caller keeps and reuses, so a poll of N messages
// allocates nothing per message once the batch has grown to the traffic's size:
//
//   - the offline backend copies each payload once, from its receive queue into Arena (grown only
//     when a poll needs more than ever before), and Messages[i].Data slices Arena;
//   - the steamworks backend keeps Steam's own SteamNetworkingMessage_t pointers in Native, points
//     Data at Steam's payload memory, and its Release hands every pointer back to Steam.
//
// Data is valid until the batch is released: by Release, or by the next receive call into the same
// batch (which releases it first). The extension copies each Data into its PackedByteArray and then
// releases the batch.

// Message is one received SteamNetworkingMessage_t, with GodotSteam's Dictionary keys in comments.
type Message struct {
	Data          []byte        // "payload" (and "size")
	Conn          NetConnection // "connection"; 0 for NetworkingMessages
	Identity      SteamID       // "identity": the sender
	ConnUserData  int64         // "receiver_user_data"
	TimeReceived  int64         // "time_received": getLocalTimestamp's clock, microseconds
	MessageNumber int64         // "message_number"
	Channel       int32         // "channel": NetworkingMessages' channel; 0 on connections
	Flags         int32         // "flags": only SendReliable is meaningful
	Lane          uint16        // m_idxLane
}

// MessageReleaser gives a backend's own message objects back (the steamworks backend's Release).
type MessageReleaser interface {
	ReleaseMessages(b *MessageBatch)
}

// MessageBatch holds the messages of one receive call until Release.
type MessageBatch struct {
	Messages []Message
	// Arena backs the Data of messages copied by the backend (offline).
	Arena []byte
	// Native holds the backend's message objects (steamworks: SteamNetworkingMessage_t pointers).
	Native   []uintptr
	releaser MessageReleaser
}

// SetReleaser records who must release Native; a backend that fills Native calls it.
func (b *MessageBatch) SetReleaser(r MessageReleaser) { b.releaser = r }

// Release frees what the messages hold and empties the batch, keeping its capacity.
func (b *MessageBatch) Release() {
	if len(b.Native) > 0 && b.releaser != nil {
		b.releaser.ReleaseMessages(b)
	}
	clear(b.Messages) // drop the references into Arena or native memory
	b.Messages = b.Messages[:0]
	b.Arena = b.Arena[:0]
	b.Native = b.Native[:0]
	b.releaser = nil
}

// Len is the number of messages held.
func (b *MessageBatch) Len() int { return len(b.Messages) }

// GrowArena makes room for n more payload bytes in Arena without moving what is there, so Data
// slices taken afterwards stay valid: a backend calls it once per receive with the poll's total.
func (b *MessageBatch) GrowArena(n int) {
	if cap(b.Arena)-len(b.Arena) >= n {
		return
	}
	grown := make([]byte, len(b.Arena), len(b.Arena)+n+len(b.Arena)/2)
	copy(grown, b.Arena)
	b.Arena = grown
}

// AppendCopy copies payload into Arena (which GrowArena sized) and returns the copy.
func (b *MessageBatch) AppendCopy(payload []byte) []byte {
	off := len(b.Arena)
	b.Arena = append(b.Arena, payload...)
	return b.Arena[off:len(b.Arena):len(b.Arena)]
}
