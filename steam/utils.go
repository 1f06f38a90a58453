package steam

// Utils (ISteamUtils through SteamGameServerUtils): what a game server can ask of Steam about
// itself and its calls: the app, Steam's clock, the server's country, how long it has run, text
// filtering, async call states, images. The calls about a player's Steam client (overlay, Big
// Picture, VR, the Steam Deck, gamepad text input) are not here: a game server has no such client,
// and the extension refuses them without asking a backend.

import (
	"errors"
	"math"
	"strings"
)

// BatteryOnACPower is what GetCurrentBatteryPower reports for a machine on mains power (255).
const BatteryOnACPower = 255

// MaxImageBytes bounds the RGBA buffer getImageRGBA fetches (a 2048 by 2048 image); Steam's
// avatars and icons are far smaller.
const MaxImageBytes = 2048 * 2048 * 4

// UtilsBackend is the part of Backend behind the Utils calls.
type UtilsBackend interface {
	// ServerRealTime is Steam's clock: Unix time in seconds.
	ServerRealTime() uint32
	// IPCountry is the two-letter ISO 3166-1 code of the country of the server's IP, or "".
	IPCountry() string
	SecondsSinceAppActive() uint32
	SecondsSinceComputerActive() uint32
	SteamUILanguage() string
	// CurrentBatteryPower is 0 to 100, or BatteryOnACPower.
	CurrentBatteryPower() uint8
	InitFilterText() bool
	FilterText(context TextFilteringContext, source SteamID, message string) string
	// APICallCompleted and APICallFailureReason answer about the last async call started since
	// Init (see apicalls.go); with none, not completed and APICallFailureInvalidHandle.
	APICallCompleted() (completed, failed bool)
	APICallFailureReason() APICallFailure
	// ImageSize and ImageRGBA read an image Steam holds by its handle; an error says there is none.
	ImageSize(image int32) (width, height uint32, err error)
	ImageRGBA(image int32, size int) ([]byte, error)
}

// IPCCounter is implemented by a backend that can say how many calls went to Steam's process since
// it was last asked (GetIPCCallCount). Without it, the front counts the calls it gave the backend.
type IPCCounter interface {
	IPCCallCount() uint32
}

// APICallStatus is isAPICallCompleted's answer.
type APICallStatus struct{ Completed, Failed bool }

// apiCallFailureTexts are getAPICallFailureReason's answers, GodotSteam Server 4's words.
var apiCallFailureTexts = map[APICallFailure]string{
	APICallFailureSteamGone:          "The local Steam process has stopped responding, it may have been forcefully closed or is frozen.",
	APICallFailureNetworkFailure:     "The network connection to the Steam servers has been lost, or was already broken.",
	APICallFailureInvalidHandle:      "The SteamAPICall_t handle passed in no longer exists.",
	APICallFailureMismatchedCallback: "GetAPICallResult was called with the wrong callback type for this API call.",
}

// Text is getAPICallFailureReason's sentence for f; "No failure." for none (and any value Steam
// may add), as GodotSteam Server 4 says.
func (f APICallFailure) Text() string {
	if t, ok := apiCallFailureTexts[f]; ok {
		return t
	}
	return "No failure."
}

// utils runs a Utils read with the backend, or refuses before Init.
func utils[T any](s *Server, read func(UtilsBackend) T) (v T, err error) {
	err = s.do(func(b Backend) { v = read(b) })
	return v, err
}

func (s *Server) ServerRealTime() (uint32, error) {
	return utils(s, UtilsBackend.ServerRealTime)
}

func (s *Server) IPCountry() (string, error) { return utils(s, UtilsBackend.IPCountry) }

func (s *Server) SecondsSinceAppActive() (uint32, error) {
	return utils(s, UtilsBackend.SecondsSinceAppActive)
}

func (s *Server) SecondsSinceComputerActive() (uint32, error) {
	return utils(s, UtilsBackend.SecondsSinceComputerActive)
}

func (s *Server) SteamUILanguage() (string, error) { return utils(s, UtilsBackend.SteamUILanguage) }

func (s *Server) CurrentBatteryPower() (uint32, error) {
	v, err := utils(s, UtilsBackend.CurrentBatteryPower)
	return uint32(v), err
}

func (s *Server) InitFilterText() (bool, error) { return utils(s, UtilsBackend.InitFilterText) }

// FilterText filters message as Steam would show it to this server's players: context is a
// TextFilteringContext, source the Steam ID of who wrote it (0: unknown).
func (s *Server) FilterText(context int64, source SteamID, message string) (string, error) {
	if err := CheckEnumValue("TextFilteringContext", "context", context); err != nil {
		return "", err
	}
	if source != 0 && !source.Valid() {
		return "", argErrorf("steam_id", "must be 0 (no author) or a valid Steam ID, got %d", uint64(source))
	}
	if strings.ContainsRune(message, 0) {
		return "", argErrorf("message", "contains a NUL character, which ends a C string: Steam would filter only the text before it")
	}
	return utils(s, func(b UtilsBackend) string { return b.FilterText(TextFilteringContext(context), source, message) })
}

// IsAPICallCompleted answers about the last async call this server started (see apicalls.go).
func (s *Server) IsAPICallCompleted() (APICallStatus, error) {
	return utils(s, func(b UtilsBackend) APICallStatus {
		done, failed := b.APICallCompleted()
		return APICallStatus{done, failed}
	})
}

// APICallFailureReason says why the last async call this server started failed, if it did.
func (s *Server) APICallFailureReason() (APICallFailure, error) {
	v, err := utils(s, UtilsBackend.APICallFailureReason)
	if err != nil {
		return APICallFailureNone, err
	}
	return v, nil
}

// ImageSize is the width and height of a Steam image (an image handle, a C int).
func (s *Server) ImageSize(image int64) (width, height uint32, err error) {
	if err := checkImage(image); err != nil {
		return 0, 0, err
	}
	var berr error
	if err := s.do(func(b Backend) { width, height, berr = b.ImageSize(int32(image)) }); err != nil {
		return 0, 0, err
	}
	if berr != nil {
		return 0, 0, berr
	}
	return width, height, nil
}

// ImageRGBA is a Steam image's pixels, 4 bytes each (red, green, blue, alpha), row by row.
func (s *Server) ImageRGBA(image int64) ([]byte, error) {
	if err := checkImage(image); err != nil {
		return nil, err
	}
	var rgba []byte
	var berr error
	err := s.do(func(b Backend) {
		w, h, err := b.ImageSize(int32(image))
		switch {
		case err != nil:
			berr = err
		case uint64(w)*uint64(h)*4 > MaxImageBytes:
			berr = errors.New("the image is larger than getImageRGBA fetches (2048 by 2048 pixels)")
		case w == 0 || h == 0:
			berr = errors.New("Steam says the image has no pixels")
		default:
			rgba, berr = b.ImageRGBA(int32(image), int(w*h*4))
		}
	})
	if err != nil {
		return nil, err
	}
	if berr != nil {
		return nil, berr
	}
	return rgba, nil
}

func checkImage(image int64) error {
	if image < math.MinInt32 || image > math.MaxInt32 {
		return argErrorf("image", "must be a Steam image handle (a 32-bit int), got %d", image)
	}
	return nil
}

// IPCCallCount is how many calls went to Steam since the last IPCCallCount: Steam's own count
// when the backend has one, else the calls the front gave the backend.
func (s *Server) IPCCallCount() (uint32, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.initialized {
		return 0, ErrNotInitialized
	}
	if c, ok := s.backend.(IPCCounter); ok {
		return c.IPCCallCount(), nil
	}
	n := s.backendCalls
	s.backendCalls = 0
	return uint32(min(n, math.MaxUint32)), nil
}
