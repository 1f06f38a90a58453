package main

/*
#include "gdext.h"
*/
import "C"

import (
	"fmt"
	"slices"

	"github.com/gosteam/godot-steam-server/steam"
)

// Utils: GodotSteam Server 4's section (ISteamUtils through SteamGameServerUtils), on both classes
// (the API page has none). The calls a game server can make ask its backend; the ones about a
// player's Steam client (clientCalls) are refused on both backends with their message.

// utilsKeyNames are the Utils Dictionaries' keys no other Dictionary has; key keyUtils+i is
// utilsKeyNames[i].
// ("success" is the Workshop's: ugcKey).
var utilsKeyNames = [...]string{"completed", "failed", "width", "height"}

const (
	keyCompleted = keyUtils + iota
	keyFailed
	keyWidth
	keyHeight
)

var keySuccess = ugcKey("success")

var utilsMethods = slices.Concat([]method{
	{name: "filterText", steam: "ISteamUtils::FilterText", offline: "the message unchanged: offline has no filter",
		args: names("context", "steam_id", "message"),
		bind: call3(enumArg("TextFilteringContext"), steamID, text, stringRet, (*steam.Server).FilterText),
		doc: "The message as Steam would show it to players: profanity (by each player's settings) and legally required filtering for " +
			"the kind of text `context` says, written by `steam_id` (0: nobody in particular). Call initFilterText first. \"\" if refused."},
	utilsRead("getAPICallFailureReason", stringRet, apiCallFailureReason, "\"No failure.\" once a call was made (offline calls do not fail)",
		"Why the last async call this server started (associateWithClan, computeNewPlayerCompatibility, requestUserStats, storeUserStats, "+
			"sendQueryUGCRequest, getAppDependencies, sendHTTPRequest, requestPrices, requestEligiblePromoItemDefinitionsIDs, startPurchase) failed, in GodotSteam Server 4's words: \"No failure.\", or that its handle no longer exists when no call was made since serverInit."),
	utilsRead("getAppID", uint32Ret, (*steam.Server).AppID, "the app it runs as (480, Spacewar, unless SteamAppId or initGameServer say otherwise)",
		"The app ID the game server runs as."),
	utilsRead("getCurrentBatteryPower", uint32Ret, (*steam.Server).CurrentBatteryPower, "255",
		"The machine's battery charge, 0 to 100 percent; 255 on AC power, as a server is."),
	{name: "getImageRGBA", steam: "ISteamUtils::GetImageRGBA", offline: "refused: no images offline", args: names("image"),
		bind: call1(int32Arg, imageRGBARet, imageRGBA),
		doc:  "A Steam image's pixels: `{success: true, buffer}`, 4 bytes (red, green, blue, alpha) a pixel, row by row; `{success: false}` when Steam has no such image."},
	{name: "getImageSize", steam: "ISteamUtils::GetImageSize", offline: "refused: no images offline", args: names("image"),
		bind: call1(int32Arg, imageSizeRet, imageSize),
		doc:  "A Steam image's size: `{success, width, height}`; success false (0 by 0) when Steam has no such image."},
	utilsRead("getIPCCallCount", uint32Ret, (*steam.Server).IPCCallCount, "the calls given to the offline backend since the last getIPCCallCount",
		"How many calls went to Steam since the last getIPCCallCount: a cost to watch per frame."),
	utilsRead("getIPCountry", stringRet, (*steam.Server).IPCountry, "the data file's `ip_country` (\"\" by default)",
		"The two-letter ISO 3166-1 code of the country of the server's IP address, e.g. \"DE\"."),
	utilsRead("getSecondsSinceAppActive", uint32Ret, (*steam.Server).SecondsSinceAppActive, "seconds since the extension loaded (serverInit does not restart it)",
		"Seconds since the app (this server process) became active."),
	utilsRead("getSecondsSinceComputerActive", uint32Ret, (*steam.Server).SecondsSinceComputerActive,
		"the same as getSecondsSinceAppActive: a dedicated server sees no user input", "Seconds since a user last used the machine (mouse or keyboard)."),
	utilsRead("getServerRealTime", uint32Ret, (*steam.Server).ServerRealTime, "this machine's clock", "Steam's clock: Unix time in seconds."),
	utilsRead("getSteamUILanguage", stringRet, (*steam.Server).SteamUILanguage, "\"english\"", "The language of Steam's user interface, e.g. \"english\"."),
	utilsRead("initFilterText", boolRet, (*steam.Server).InitFilterText, "true",
		"Loads Steam's text filter for the server's language; false when Steam has none for it (filterText then passes text through)."),
	utilsRead("isAPICallCompleted", apiCallStatusRet, (*steam.Server).IsAPICallCompleted, "a call completes as it is made; none is completed before the first",
		"Whether the last async call this server started (see getAPICallFailureReason) has its result: `{completed, failed}`. "+
			"steam_api_call_completed says so for every call, with its handle."),
}, clientMethods())

// utilsRead is a Utils call without arguments, named after its ISteamUtils function.
func utilsRead[R any](name string, r result[R], read func(*steam.Server) (R, error), offline, doc string) method {
	return method{name: name, steam: "ISteamUtils::" + upperFirst(name), offline: offline, bind: call0(r, read), doc: doc}
}

// apiCallFailureReason is "" when refused, as GodotSteam Server 4 answers without Steam.
func apiCallFailureReason(s *steam.Server) (string, error) {
	f, err := s.APICallFailureReason()
	if err != nil {
		return "", err
	}
	return f.Text(), nil
}

// image is getImageSize's and getImageRGBA's answer; ok false is {success: false} (and 0 by 0).
type image struct {
	ok            bool
	width, height uint32
	rgba          []byte
}

func imageSize(s *steam.Server, handle int64) (image, error) {
	w, h, err := s.ImageSize(handle)
	return image{ok: err == nil, width: w, height: h}, err
}

func imageRGBA(s *steam.Server, handle int64) (image, error) {
	rgba, err := s.ImageRGBA(handle)
	return image{ok: err == nil, rgba: rgba}, err
}

var (
	imageSizeRet = dictRet(func(d dict, v image) {
		d.bool(keySuccess, v.ok)
		d.int(keyWidth, int64(v.width))
		d.int(keyHeight, int64(v.height))
	})
	imageRGBARet = dictRet(func(d dict, v image) {
		d.bool(keySuccess, v.ok)
		if v.ok {
			d.bytes(keyBuffer, v.rgba)
		}
	})
	apiCallStatusRet = dictRet(func(d dict, v steam.APICallStatus) {
		d.bool(keyCompleted, v.Completed)
		d.bool(keyFailed, v.Failed)
	})
)

// clientCall is one of GodotSteam Server 4's Utils calls about a player's Steam client: a game
// server has no overlay, Big Picture, VR, Steam Deck or gamepad keyboard, so the call is refused
// with a message saying what it is about, and returns GodotSteam Server 4's value for a call that
// cannot be made (false, or nothing).
type clientCall struct {
	name  string
	args  []string
	kinds []argChecker
	bool  bool   // returns bool (false); otherwise void
	about string // what of the player's client it is about
}

var clientCalls = []clientCall{
	{"dismissFloatingGamepadTextInput", nil, nil, true, "the floating gamepad keyboard"},
	{"dismissGamepadTextInput", nil, nil, true, "the gamepad text input"},
	{"isOverlayEnabled", nil, nil, true, "the Steam overlay"},
	{"isSteamChinaLauncher", nil, nil, true, "the Steam China launcher"},
	{"isSteamInBigPictureMode", nil, nil, true, "Big Picture mode"},
	{"isSteamRunningInVR", nil, nil, true, "Steam's VR mode"},
	{"isSteamRunningOnSteamDeck", nil, nil, true, "the Steam Deck"},
	{"isVRHeadsetStreamingEnabled", nil, nil, true, "VR headset streaming"},
	{"overlayNeedsPresent", nil, nil, true, "the Steam overlay"},
	{"setGameLauncherMode", names("mode"), []argChecker{boolean}, false, "the game launcher mode"},
	{"setOverlayNotificationInset", names("horizontal", "vertical"), []argChecker{int32Arg, int32Arg}, false, "the Steam overlay's notifications"},
	{"setOverlayNotificationPosition", names("pos"), []argChecker{int32Arg}, false, "the Steam overlay's notifications"},
	{"setVRHeadsetStreamingEnabled", names("enabled"), []argChecker{boolean}, false, "VR headset streaming"},
	{"showFloatingGamepadTextInput", names("input_mode", "text_field_x_position", "text_field_y_position", "text_field_width", "text_field_height"),
		[]argChecker{enumArg("FloatingGamepadTextInputMode"), int32Arg, int32Arg, int32Arg, int32Arg}, true, "the floating gamepad keyboard"},
	{"showGamepadTextInput", names("input_mode", "line_input_mode", "description", "max_text", "preset_text"),
		[]argChecker{enumArg("GamepadTextInputMode"), enumArg("GamepadTextInputLineMode"), text, uint32Arg, text}, true, "the gamepad text input"},
	{"startVRDashboard", nil, nil, false, "Steam's VR dashboard"},
}

// argChecker is any argument kind: the client calls only check their arguments' types.
type argChecker interface {
	argKind() kind
	check(a *C.sv_arg) error
}

func (p param[T]) argKind() kind { return p.kind }

func (p param[T]) check(a *C.sv_arg) error {
	_, err := p.decode(a)
	return err
}

// errClientCall is a client call's refusal.
type errClientCall struct {
	about, steamCall, value string
}

func (e errClientCall) Error() string {
	return fmt.Sprintf("%s belongs to a player's Steam client (ISteamUtils::%s), which a game server does not have: refused, returns %s",
		e.about, e.steamCall, e.value)
}

func clientMethods() []method {
	rows := make([]method, len(clientCalls))
	for i, c := range clientCalls {
		refusal := c.refusal()
		rows[i] = method{name: c.name, args: c.args, steam: "ISteamUtils::" + refusal.steamCall, offline: "refused, as with Steam",
			doc: fmt.Sprintf("About a player's Steam client (%s), which a game server does not have: refused with a message, returns %s.", c.about, refusal.value)}
		if c.bool {
			rows[i].bind = refuse(c.kinds, boolRet, refusal)
		} else {
			rows[i].bind = refuse(c.kinds, void, refusal)
		}
	}
	return rows
}

// refusal is the error the call is refused with: the Steam call it stands for, and its value.
func (c clientCall) refusal() errClientCall {
	steamCall := upperFirst(c.name)
	if c.name == "overlayNeedsPresent" {
		steamCall = "BOverlayNeedsPresent"
	}
	value := "nothing"
	if c.bool {
		value = "false"
	}
	return errClientCall{c.about, steamCall, value}
}

// refuse checks the arguments' types (a wrong type names its argument, as for any call), then
// refuses the call.
func refuse[R any](checks []argChecker, r result[R], refusal error) binding {
	kinds := make([]kind, len(checks))
	for i, c := range checks {
		kinds[i] = c.argKind()
	}
	return bind(kinds, r, func(_ *steam.Server, in []C.sv_arg, out *C.sv_ret) error {
		for i, c := range checks {
			if err := c.check(&in[i]); err != nil {
				return finish(r, out, r.fallback, argError{i, err})
			}
		}
		return finish(r, out, r.fallback, refusal)
	})
}

// utilsDifferences are the Utils rows of serverDifferences (godotsteam.go): where this extension
// departs from GodotSteam Server 4 on purpose.
func utilsDifferences() []serverDifference {
	rows := []serverDifference{
		{method: "isAPICallCompleted",
			note: "Answers about the last async call this server started since serverInit (`{completed: false, failed: false}` before any); GodotSteam Server 4 always asks Steam about handle 0, as it never sets its `api_handle`."},
		{method: "getAPICallFailureReason",
			note: "Answers about that same last call; GodotSteam Server 4 asks about handle 0."},
		{method: "getImageSize",
			note: "`{success: false, width: 0, height: 0}` when refused (before serverInit, or no such image); GodotSteam Server 4 gives `{}` before Steam starts and leaves width and height unset when Steam has no image."},
		{method: "getImageRGBA",
			note: "`success` is true only with the `buffer`, `{success: false}` otherwise; GodotSteam Server 4 sets `success` from getImageSize's answer alone."},
		{method: "filterText",
			note: "A `context` that is no TextFilteringContext, a `steam_id` neither 0 nor valid, and a NUL in `message` are refused; GodotSteam Server 4 hands them to Steam."},
	}
	for _, c := range clientCalls {
		rows = append(rows, serverDifference{method: c.name,
			note: "Refused on both backends with a message saying it is about " + c.about + "; GodotSteam Server 4 makes the call, silently, on the game server's Steam."})
	}
	return rows
}
