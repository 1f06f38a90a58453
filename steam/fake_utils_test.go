package steam

import "errors"

// fakeUtils is the fake backend's Utils answers.
type fakeUtils struct {
	width, height uint32  // ImageSize's answer; 0 by 0 means no image
	ipcCalls      *uint32 // when set, the backend is an IPCCounter answering this
}

// fakeIPCBackend is the fake backend with Steam's own IPC count.
type fakeIPCBackend struct{ *fakeBackend }

func (f fakeIPCBackend) IPCCallCount() uint32 { f.record("IPCCallCount"); return *f.utils.ipcCalls }

func (f *fakeBackend) ServerRealTime() uint32 { f.record("ServerRealTime"); return 1_700_000_000 }
func (f *fakeBackend) IPCountry() string      { f.record("IPCountry"); return "DE" }
func (f *fakeBackend) SecondsSinceAppActive() uint32 {
	f.record("SecondsSinceAppActive")
	return 12
}
func (f *fakeBackend) SecondsSinceComputerActive() uint32 {
	f.record("SecondsSinceComputerActive")
	return 34
}
func (f *fakeBackend) SteamUILanguage() string    { f.record("SteamUILanguage"); return "german" }
func (f *fakeBackend) CurrentBatteryPower() uint8 { f.record("CurrentBatteryPower"); return 42 }
func (f *fakeBackend) InitFilterText() bool       { f.record("InitFilterText"); return true }
func (f *fakeBackend) FilterText(context TextFilteringContext, source SteamID, message string) string {
	f.record("FilterText(%d,%d,%q)", context, uint64(source), message)
	return "<" + message + ">"
}
func (f *fakeBackend) APICallCompleted() (bool, bool) {
	f.record("APICallCompleted")
	return true, true
}
func (f *fakeBackend) APICallFailureReason() APICallFailure {
	f.record("APICallFailureReason")
	return APICallFailureNetworkFailure
}
func (f *fakeBackend) ImageSize(image int32) (uint32, uint32, error) {
	f.record("ImageSize(%d)", image)
	if f.utils.width == 0 && f.utils.height == 0 {
		return 0, 0, errors.New("no such image")
	}
	return f.utils.width, f.utils.height, nil
}
func (f *fakeBackend) ImageRGBA(image int32, size int) ([]byte, error) {
	f.record("ImageRGBA(%d,%d)", image, size)
	return make([]byte, size), nil
}
