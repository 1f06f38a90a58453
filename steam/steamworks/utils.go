package steamworks

import (
	"errors"

	"github.com/gosteam/godot-steam-server/steam"
)

// The Utils calls (ISteamUtils, through SteamGameServerUtils: the game server's own instance,
// which the flat functions tell from the client's by its pointer). The calls about a player's Steam
// client are never made: the extension refuses them.
var (
	symGameServerUtilsV010 = fn("SteamAPI_SteamGameServerUtils_v010", shapeP) // the version also in interfaceVersions

	symGetSecondsSinceAppActive      = utilsMethod("GetSecondsSinceAppActive", shapeU32U)
	symGetSecondsSinceComputerActive = utilsMethod("GetSecondsSinceComputerActive", shapeU32U)
	symGetServerRealTime             = utilsMethod("GetServerRealTime", shapeU32U)
	symGetIPCountry                  = utilsMethod("GetIPCountry", shapeSU)
	symGetImageSize                  = utilsMethod("GetImageSize", shapeBUI32PU32PU32)
	symGetImageRGBA                  = utilsMethod("GetImageRGBA", shapeBUI32PI32)
	symGetCurrentBatteryPower        = utilsMethod("GetCurrentBatteryPower", shapeU8U)
	symGetAppID                      = utilsMethod("GetAppID", shapeU32U)
	symIsAPICallCompleted            = utilsMethod("IsAPICallCompleted", shapeBUU64PB)
	symGetAPICallFailureReason       = utilsMethod("GetAPICallFailureReason", shapeI32UU64)
	symGetIPCCallCount               = utilsMethod("GetIPCCallCount", shapeU32U)
	symGetSteamUILanguage            = utilsMethod("GetSteamUILanguage", shapeSU)
	symInitFilterText                = utilsMethod("InitFilterText", shapeBUU32)
	symFilterText                    = utilsMethod("FilterText", shapeI32UI32U64SPU32)
)

// gutils is the flat name prefix of an ISteamUtils method.
const gutils = "SteamAPI_ISteamUtils_"

// utilsMethod declares an ISteamUtils method, by its name in the interface.
func utilsMethod(name string, sh shape) sym { return fn(gutils+name, sh) }

// The ISteamUtils shapes: u is that interface (selfUtils), as p is ISteamGameServer.
const (
	shapeU32U            shape = "u32_u"                 // uint32 f(self)
	shapeU8U             shape = "u8_u"                  // uint8 f(self): GetCurrentBatteryPower
	shapeSU              shape = "s_u"                   // const char *f(self)
	shapeBUU32           shape = "b_u_u32"               // InitFilterText(uint32 options)
	shapeBUU64PB         shape = "b_u_u64_pb"            // IsAPICallCompleted(call, bool *failed)
	shapeI32UU64         shape = "i32_u_u64"             // GetAPICallFailureReason(call)
	shapeBUI32PU32PU32   shape = "b_u_i32_pu32_pu32"     // GetImageSize(image, uint32 *w, uint32 *h)
	shapeBUI32PI32       shape = "b_u_i32_p_i32"         // GetImageRGBA(image, buf, size)
	shapeI32UI32U64SPU32 shape = "i32_u_i32_u64_s_p_u32" // FilterText(context, steam id, in, out, size)
)

// utilsFlat is the ISteamUtils part of flat: the cgo trampolines in flat_utils_cgo.go, the tests'
// fake in fake_utils_test.go.
type utilsFlat interface {
	// selfUtils calls the game server's ISteamUtils accessor and keeps the pointer for the _u methods.
	selfUtils(s sym) bool
	u32U(s sym) uint32
	u8U(s sym) uint8
	// sU copies the NUL-terminated string Steam returns ("" for NULL).
	sU(s sym) string
	bUU32(s sym, a uint32) bool
	bUU64PB(s sym, call uint64) (ok, failed bool)
	i32UU64(s sym, call uint64) int32
	bUI32PU32PU32(s sym, image int32) (ok bool, width, height uint32)
	bUI32PI32(s sym, image int32, buf []byte) bool
	// i32UI32U64SPU32 is FilterText(context, id, in, out, len(out)); it returns Steam's count of
	// filtered characters.
	i32UI32U64SPU32(s sym, context int32, id uint64, in string, out []byte) int32
}

var errNoUtils = errors.New("libsteam_api.so returned no SteamUtils010 interface for the game server at serverInit")

// AppID asks Steam which app the server runs as; without the interface, the app it was started with.
func (b *Backend) AppID() uint32 {
	if !b.hasUtils {
		return b.appID
	}
	return b.api.u32U(symGetAppID)
}

// utilsU32 reads one uint32 of ISteamUtils; 0 without the interface.
func (b *Backend) utilsU32(s sym) uint32 {
	if !b.hasUtils {
		return 0
	}
	return b.api.u32U(s)
}

func (b *Backend) utilsString(s sym) string {
	if !b.hasUtils {
		return ""
	}
	return b.api.sU(s)
}

func (b *Backend) ServerRealTime() uint32        { return b.utilsU32(symGetServerRealTime) }
func (b *Backend) SecondsSinceAppActive() uint32 { return b.utilsU32(symGetSecondsSinceAppActive) }
func (b *Backend) SecondsSinceComputerActive() uint32 {
	return b.utilsU32(symGetSecondsSinceComputerActive)
}
func (b *Backend) IPCCallCount() uint32    { return b.utilsU32(symGetIPCCallCount) }
func (b *Backend) IPCountry() string       { return b.utilsString(symGetIPCountry) }
func (b *Backend) SteamUILanguage() string { return b.utilsString(symGetSteamUILanguage) }

// CurrentBatteryPower is 0 to 100, or 255 on AC power (also without the interface: a server's
// usual answer).
func (b *Backend) CurrentBatteryPower() uint8 {
	if !b.hasUtils {
		return steam.BatteryOnACPower
	}
	return b.api.u8U(symGetCurrentBatteryPower)
}

// InitFilterText loads Steam's filter for the server's language (options 0, the only value Steam
// defines); false when Steam has none for it, and FilterText then passes text through.
func (b *Backend) InitFilterText() bool { return b.hasUtils && b.api.bUU32(symInitFilterText, 0) }

// FilterText gives Steam an output buffer one byte longer than the text, as Steam asks.
func (b *Backend) FilterText(context steam.TextFilteringContext, source steam.SteamID, message string) string {
	if !b.hasUtils {
		return message
	}
	out := make([]byte, len(message)+1)
	b.api.i32UI32U64SPU32(symFilterText, int32(context), uint64(source), message, out)
	n := 0
	for n < len(out) && out[n] != 0 {
		n++
	}
	return string(out[:n])
}

// startedCall remembers the handle of the async call just started (0 when Steam refused to start
// it), which isAPICallCompleted and getAPICallFailureReason then ask Steam about.
func (b *Backend) startedCall(call uint64) { b.lastCall = call }

func (b *Backend) APICallCompleted() (completed, failed bool) {
	if !b.hasUtils {
		return false, false
	}
	return b.api.bUU64PB(symIsAPICallCompleted, b.lastCall)
}

func (b *Backend) APICallFailureReason() steam.APICallFailure {
	if !b.hasUtils {
		return steam.APICallFailureSteamGone
	}
	return steam.APICallFailure(b.api.i32UU64(symGetAPICallFailureReason, b.lastCall))
}

var errNoImage = errors.New("Steam has no image with this handle (on a game server Steam loads no avatars or icons)")

func (b *Backend) ImageSize(image int32) (uint32, uint32, error) {
	if !b.hasUtils {
		return 0, 0, errNoUtils
	}
	ok, w, h := b.api.bUI32PU32PU32(symGetImageSize, image)
	if !ok {
		return 0, 0, errNoImage
	}
	return w, h, nil
}

func (b *Backend) ImageRGBA(image int32, size int) ([]byte, error) {
	if !b.hasUtils {
		return nil, errNoUtils
	}
	buf := make([]byte, size)
	if !b.api.bUI32PI32(symGetImageRGBA, image, buf) {
		return nil, errNoImage
	}
	return buf, nil
}
