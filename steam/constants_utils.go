package steam

// The Utils (ISteamUtils) enums of GodotSteam Server 4, named and valued as there (isteamutils.h,
// steam_api_common.h). The values the code uses are typed constants; the others are only offered
// to scripts (the gamepad text input and file signature ones belong to client-only calls).

// APICallFailure is ESteamAPICallFailure: why an async call failed (getAPICallFailureReason).
type APICallFailure int32

const (
	APICallFailureNone               APICallFailure = -1
	APICallFailureSteamGone          APICallFailure = 0
	APICallFailureNetworkFailure     APICallFailure = 1
	APICallFailureInvalidHandle      APICallFailure = 2
	APICallFailureMismatchedCallback APICallFailure = 3
)

// TextFilteringContext is ETextFilteringContext: what kind of text filterText is given.
type TextFilteringContext int32

const (
	TextFilteringContextUnknown     TextFilteringContext = 0
	TextFilteringContextGameContent TextFilteringContext = 1
	TextFilteringContextChat        TextFilteringContext = 2
	TextFilteringContextName        TextFilteringContext = 3
)

// UtilsEnums are appended to Enums (constants.go).
var UtilsEnums = []Enum{
	{Name: "APICallFailure", Values: []Constant{
		{"STEAM_API_CALL_FAILURE_NONE", int64(APICallFailureNone)},
		{"STEAM_API_CALL_FAILURE_STEAM_GONE", int64(APICallFailureSteamGone)},
		{"STEAM_API_CALL_FAILURE_NETWORK_FAILURE", int64(APICallFailureNetworkFailure)},
		{"STEAM_API_CALL_FAILURE_INVALID_HANDLE", int64(APICallFailureInvalidHandle)},
		{"STEAM_API_CALL_FAILURE_MISMATCHED_CALLBACK", int64(APICallFailureMismatchedCallback)},
	}},
	{Name: "CheckFileSignature", Values: []Constant{
		{"CHECK_FILE_SIGNATURE_INVALID_SIGNATURE", 0},
		{"CHECK_FILE_SIGNATURE_VALID_SIGNATURE", 1},
		{"CHECK_FILE_SIGNATURE_FILE_NOT_FOUND", 2},
		{"CHECK_FILE_SIGNATURE_NO_SIGNATURES_FOUND_FOR_THIS_APP", 3},
		{"CHECK_FILE_SIGNATURE_NO_SIGNATURES_FOUND_FOR_THIS_FILE", 4},
	}},
	{Name: "FloatingGamepadTextInputMode", Values: []Constant{
		{"FLOATING_GAMEPAD_TEXT_INPUT_MODE_SINGLE_LINE", 0},
		{"FLOATING_GAMEPAD_TEXT_INPUT_MODE_MULTIPLE_LINES", 1},
		{"FLOATING_GAMEPAD_TEXT_INPUT_MODE_EMAIL", 2},
		{"FLOATING_GAMEPAD_TEXT_INPUT_MODE_NUMERIC", 3},
	}},
	{Name: "GamepadTextInputLineMode", Values: []Constant{
		{"GAMEPAD_TEXT_INPUT_LINE_MODE_SINGLE_LINE", 0},
		{"GAMEPAD_TEXT_INPUT_LINE_MODE_MULTIPLE_LINES", 1},
	}},
	{Name: "GamepadTextInputMode", Values: []Constant{
		{"GAMEPAD_TEXT_INPUT_MODE_NORMAL", 0},
		{"GAMEPAD_TEXT_INPUT_MODE_PASSWORD", 1},
	}},
	{Name: "TextFilteringContext", Values: []Constant{
		{"TEXT_FILTERING_CONTEXT_UNKNOWN", int64(TextFilteringContextUnknown)},
		{"TEXT_FILTERING_CONTEXT_GAME_CONTENT", int64(TextFilteringContextGameContent)},
		{"TEXT_FILTERING_CONTEXT_CHAT", int64(TextFilteringContextChat)},
		{"TEXT_FILTERING_CONTEXT_NAME", int64(TextFilteringContextName)},
	}},
}
