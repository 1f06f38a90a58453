package steam

// Argument checks of the networking calls: handles, ports, channels, flags, addresses, messages.
// GDScript passes ints as int64, so a negative or oversized value is refused here instead of
// wrapping into a valid-looking handle.

import (
	"fmt"
	"math"
	"net/netip"
	"strings"
)

// MaxVirtualPort is the largest virtual port accepted: Steam keeps 0x7FFFFFFF for itself
// (NetworkingMessages' port).
const MaxVirtualPort = 0x7FFFFFFE

func checkHandle(arg string, v int64) (uint32, error) {
	if v <= 0 || v > math.MaxUint32 {
		return 0, argErrorf(arg, "must be a handle between 1 and %d, got %d", uint32(math.MaxUint32), v)
	}
	return uint32(v), nil
}

func checkVirtualPort(arg string, v int64) (int32, error) {
	if v < 0 || v > MaxVirtualPort {
		return 0, argErrorf(arg, "must be a virtual port between 0 and %d, got %d", MaxVirtualPort, v)
	}
	return int32(v), nil
}

func checkChannel(arg string, v int64) (int32, error) {
	if v < 0 || v > math.MaxInt32 {
		return 0, argErrorf(arg, "must be between 0 and %d, got %d", math.MaxInt32, v)
	}
	return int32(v), nil
}

func checkMaxMessages(v int64) (int, error) {
	if v < 1 || v > MaxReceiveBatch {
		return 0, argErrorf("max_messages", "must be between 1 and %d, got %d", MaxReceiveBatch, v)
	}
	return int(v), nil
}

// checkSendFlags accepts a bitmask of the k_nSteamNetworkingSend_* flags. NoDelay applies to
// unreliable messages only, as Steam documents.
func checkSendFlags(v int64) (int32, error) {
	if v < 0 || v&^int64(sendFlagsKnown) != 0 {
		return 0, argErrorf("flags", "must be a combination of NETWORKING_SEND_* flags (0, 1, 4, 8, 16, 32), got %d", v)
	}
	f := int32(v)
	if f&SendReliable != 0 && f&SendNoDelay != 0 {
		return 0, argErrorf("flags", "NO_DELAY (4) applies to unreliable messages only, got %d with RELIABLE (8)", v)
	}
	return f, nil
}

func checkMessage(data []byte) error {
	if len(data) > MaxMessageSizeSend {
		return argErrorf("data", "is %d bytes: a message holds at most %d (k_cbMaxSteamNetworkingSocketsMessageSizeSend)", len(data), MaxMessageSizeSend)
	}
	return nil
}

func checkRemote(arg string, id SteamID) error {
	if !id.Valid() {
		return argErrorf(arg, "is not a valid Steam ID: %d", uint64(id))
	}
	return nil
}

// ParseNetAddress reads a SteamNetworkingIPAddr as Steam's ParseString does: "1.2.3.4",
// "1.2.3.4:27020", "::1", "[::1]:27020". "" is the unspecified address (any interface, port 0) when
// allowEmpty. With needPort, the port must be set and not 0.
func ParseNetAddress(arg, s string, allowEmpty, needPort bool) (netip.AddrPort, error) {
	if s == "" {
		if allowEmpty {
			return netip.AddrPortFrom(netip.IPv4Unspecified(), 0), nil
		}
		return netip.AddrPort{}, argErrorf(arg, "is empty: give an address such as \"127.0.0.1:27020\"")
	}
	var ap netip.AddrPort
	if a, err := netip.ParseAddr(s); err == nil && !strings.HasPrefix(s, "[") {
		ap = netip.AddrPortFrom(a, 0)
	} else if ap, err = netip.ParseAddrPort(s); err != nil {
		return netip.AddrPort{}, argErrorf(arg, "must be an address such as \"127.0.0.1:27020\" or \"[::1]:27020\", got %s", quoteShort(s))
	}
	if ap.Addr().Zone() != "" {
		return netip.AddrPort{}, argErrorf(arg, "must not name an IPv6 zone, got %s", quoteShort(s))
	}
	if needPort && ap.Port() == 0 {
		return netip.AddrPort{}, argErrorf(arg, "must include a port other than 0, got %s", quoteShort(s))
	}
	return netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port()), nil
}

// FormatNetAddress is SteamNetworkingIPAddr::ToString: "1.2.3.4:27020", "[::1]:27020", or without
// the port; "" for the zero address (no address known).
func FormatNetAddress(ap netip.AddrPort, withPort bool) string {
	if !ap.IsValid() {
		return ""
	}
	if !withPort {
		return ap.Addr().String()
	}
	return ap.String()
}

// checkCloseReason accepts 0 (App_Generic) and the application's ranges, 1000 to 2999: the other
// ESteamNetConnectionEnd values are the library's to report.
func checkCloseReason(v int64) (ConnectionEnd, error) {
	if v == 0 {
		return ConnectionEndAppGeneric, nil
	}
	if v < int64(ConnectionEndAppMin) || v > int64(ConnectionEndAppExceptionMax) {
		return 0, argErrorf("reason", "must be 0 or an application reason between %d and %d (CONNECTION_END_APP_*), got %d",
			ConnectionEndAppMin, ConnectionEndAppExceptionMax, v)
	}
	return ConnectionEnd(v), nil
}

// checkOptions checks the options of a create or connect call (set on a listen socket or a connection).
func checkOptions(opts []ConfigOption, scope NetConfigScope) error {
	if len(opts) > len(NetConfigRows) {
		return argErrorf("options", "holds %d options: there are only %d config values", len(opts), len(NetConfigRows))
	}
	for i, o := range opts {
		if err := CheckConfigOption(fmt.Sprintf("options[%d]", i), o, scope); err != nil {
			return err
		}
	}
	return nil
}

func errUnknownConnection(h uint32) error {
	return fmt.Errorf("connection %d is not open (never opened here, or already closed)", h)
}

func errUnknownListenSocket(h uint32) error {
	return fmt.Errorf("listen socket %d is not open (never opened here, or already closed)", h)
}

func errUnknownPollGroup(h uint32) error {
	return fmt.Errorf("poll group %d does not exist (never created here, or destroyed)", h)
}
