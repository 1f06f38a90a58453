package steamworks

import "github.com/gosteam/godot-steam-server/steam"

// Sending and receiving on connections and poll groups. Received messages stay Steam's: the batch
// keeps their SteamNetworkingMessage_t pointers in Native and points each Data at Steam's payload,
// so a receive allocates nothing per message once the batch has grown; the batch's Release hands
// them back through SteamNetworkingMessage_t_Release (ReleaseMessages). SendMessages allocates each
// message with ISteamNetworkingUtils::AllocateMessage, copies the payload into it once, and Steam
// frees it after sending.
var (
	symSendMessageToConnection     = socketsMethod("SendMessageToConnection", shapeI32KU32PU32I32PI64)
	symSendMessages                = socketsMethod("SendMessages", shapeVKI32PP)
	symFlushMessagesOnConnection   = socketsMethod("FlushMessagesOnConnection", shapeI32KU32)
	symReceiveMessagesOnConnection = socketsMethod("ReceiveMessagesOnConnection", shapeI32KU32MsgsI32)
	symReceiveMessagesOnPollGroup  = socketsMethod("ReceiveMessagesOnPollGroup", shapeI32KU32MsgsI32)
	symAllocateMessage             = netUtilsMethod("AllocateMessage", shapePTI32)
)

var _ steam.MessageReleaser = (*Backend)(nil)

func (b *Backend) SendMessageToConnection(c steam.NetConnection, data []byte, flags int32) (steam.Result, int64) {
	if !b.net.sockets {
		return steam.ResultNoConnection, 0
	}
	r, number := b.api.i32KU32PU32I32PI64(symSendMessageToConnection, uint32(c), data, flags)
	return steam.Result(r), number
}

// SendMessages needs the Utils (AllocateMessage) besides the sockets: without either each message
// is refused with -Fail.
func (b *Backend) SendMessages(msgs []steam.OutgoingMessage, results []int64) {
	if !b.net.sockets || !b.net.utils {
		for i := range results {
			results[i] = -int64(steam.ResultFail)
		}
		return
	}
	b.api.sendMessages(symAllocateMessage, symSendMessages, msgs, results)
}

func (b *Backend) FlushMessagesOnConnection(c steam.NetConnection) steam.Result {
	if !b.net.sockets {
		return steam.ResultNoConnection
	}
	return steam.Result(b.api.i32KU32(symFlushMessagesOnConnection, uint32(c)))
}

func (b *Backend) ReceiveMessagesOnConnection(c steam.NetConnection, max int, into *steam.MessageBatch) int {
	if !b.net.sockets {
		return -1
	}
	return b.received(into, b.api.i32KU32Msgs(symReceiveMessagesOnConnection, uint32(c), max, into))
}

func (b *Backend) ReceiveMessagesOnPollGroup(g steam.PollGroup, max int, into *steam.MessageBatch) int {
	if !b.net.sockets {
		return -1
	}
	return b.received(into, b.api.i32KU32Msgs(symReceiveMessagesOnPollGroup, uint32(g), max, into))
}

// received makes the backend the releaser of a batch it filled, and returns Steam's count.
func (b *Backend) received(into *steam.MessageBatch, n int) int {
	if len(into.Native) > 0 {
		into.SetReleaser(b)
	}
	return n
}

// ReleaseMessages gives the batch's messages back to Steam (MessageBatch.Release calls it).
func (b *Backend) ReleaseMessages(batch *steam.MessageBatch) {
	b.api.releaseMessages(symMessageRelease, batch.Native)
}
