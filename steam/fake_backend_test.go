package steam

import (
	"fmt"
	"sync"
)

// fakeBackend records every call the front forwards and answers with canned values.
type fakeBackend struct {
	mu       sync.Mutex
	calls    []string
	initErr  error
	loggedOn bool
	applied  []Field
	state    *State
	events   *EventQueue

	beginResult   BeginAuthSessionResult
	licenseResult UserHasLicenseResult
	packetOK      bool
	outgoing      []byte
	connectOK     bool
	playersErr    error
	statsErr      error
	utils         fakeUtils // fake_utils_test.go
}

var _ Backend = (*fakeBackend)(nil)

func (f *fakeBackend) record(format string, a ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, fmt.Sprintf(format, a...))
}

// Calls returns a copy of the recorded calls.
func (f *fakeBackend) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func (f *fakeBackend) Name() string { return "fake" }
func (f *fakeBackend) Init(cfg InitConfig, state *State, events *EventQueue) error {
	f.record("Init(%d,%d,%d,%d,%q,%d)", cfg.IP, cfg.GamePort, cfg.QueryPort, cfg.Mode, cfg.Version, cfg.AppID)
	if f.initErr != nil {
		return f.initErr
	}
	f.state, f.events = state, events
	return nil
}
func (f *fakeBackend) Shutdown()                   { f.record("Shutdown") }
func (f *fakeBackend) RunFrame()                   { f.record("RunFrame") }
func (f *fakeBackend) ReleaseCurrentThreadMemory() { f.record("ReleaseCurrentThreadMemory") }
func (f *fakeBackend) LogOn(token string)          { f.record("LogOn(%s)", token); f.loggedOn = true }
func (f *fakeBackend) LogOnAnonymous()             { f.record("LogOnAnonymous"); f.loggedOn = true }
func (f *fakeBackend) LogOff()                     { f.record("LogOff"); f.loggedOn = false }
func (f *fakeBackend) LoggedOn() bool              { return f.loggedOn }
func (f *fakeBackend) Secure() bool                { return false }
func (f *fakeBackend) SteamID() SteamID            { return NewSteamID(1, AccountTypeAnonGameServer, 0, 7) }
func (f *fakeBackend) PublicIP() IPAddress         { return IPAddress{IPv4: 0x7F000001} }
func (f *fakeBackend) WasRestartRequested() bool   { return false }
func (f *fakeBackend) Apply(field Field, state *State) {
	f.record("Apply(%d)", field)
	f.mu.Lock()
	f.applied = append(f.applied, field)
	f.mu.Unlock()
}
func (f *fakeBackend) GetAuthSessionTicket() (AuthTicket, error) {
	f.record("GetAuthSessionTicket")
	return AuthTicket{Handle: 1, Bytes: []byte{1}}, nil
}
func (f *fakeBackend) BeginAuthSession(ticket []byte, steamID SteamID) BeginAuthSessionResult {
	f.record("BeginAuthSession(%x,%d)", ticket, uint64(steamID))
	return f.beginResult
}
func (f *fakeBackend) EndAuthSession(steamID SteamID) {
	f.record("EndAuthSession(%d)", uint64(steamID))
}
func (f *fakeBackend) CancelAuthTicket(handle uint32) { f.record("CancelAuthTicket(%d)", handle) }
func (f *fakeBackend) UserHasLicenseForApp(steamID SteamID, appID uint32) UserHasLicenseResult {
	f.record("UserHasLicenseForApp(%d,%d)", uint64(steamID), appID)
	return f.licenseResult
}
func (f *fakeBackend) RequestUserGroupStatus(user, group SteamID) bool {
	f.record("RequestUserGroupStatus(%d,%d)", uint64(user), uint64(group))
	return true
}
func (f *fakeBackend) AssociateWithClan(clan SteamID) {
	f.record("AssociateWithClan(%d)", uint64(clan))
}
func (f *fakeBackend) ComputeNewPlayerCompatibility(player SteamID) {
	f.record("ComputeNewPlayerCompatibility(%d)", uint64(player))
}
func (f *fakeBackend) SendUserConnectAndAuthenticate(ip uint32, blob []byte, steamID SteamID) (bool, error) {
	f.record("SendUserConnectAndAuthenticate(%#x,%x,%d)", ip, blob, uint64(steamID))
	return f.connectOK, nil
}
func (f *fakeBackend) CreateUnauthenticatedUserConnection() (SteamID, error) {
	f.record("CreateUnauthenticatedUserConnection")
	return NewSteamID(1, AccountTypeAnonUser, 0, 9), f.playersErr
}
func (f *fakeBackend) SendUserDisconnect(steamID SteamID) error {
	f.record("SendUserDisconnect(%d)", uint64(steamID))
	return nil
}
func (f *fakeBackend) UpdateUserData(steamID SteamID, name string, score uint32) (bool, error) {
	f.record("UpdateUserData(%d,%q,%d)", uint64(steamID), name, score)
	return f.connectOK, nil
}
func (f *fakeBackend) HandleIncomingPacket(data []byte, ip uint32, port uint16) bool {
	f.record("HandleIncomingPacket(%x,%#x,%d)", data, ip, port)
	return f.packetOK
}
func (f *fakeBackend) NextOutgoingPacket(buf []byte) (int, uint32, uint16) {
	f.record("NextOutgoingPacket")
	n := copy(buf, f.outgoing)
	f.outgoing = nil
	return n, 0x0A000001, 27015
}

func (f *fakeBackend) RequestUserStats(user SteamID) { f.record("RequestUserStats(%d)", uint64(user)) }
func (f *fakeBackend) StoreUserStats(user SteamID)   { f.record("StoreUserStats(%d)", uint64(user)) }
func (f *fakeBackend) GetUserStatInt(user SteamID, name string) (int32, error) {
	f.record("GetUserStatInt(%d,%s)", uint64(user), name)
	return 7, f.statsErr
}
func (f *fakeBackend) GetUserStatFloat(user SteamID, name string) (float32, error) {
	f.record("GetUserStatFloat(%d,%s)", uint64(user), name)
	return 1.5, f.statsErr
}
func (f *fakeBackend) GetUserAchievement(user SteamID, name string) (bool, error) {
	f.record("GetUserAchievement(%d,%s)", uint64(user), name)
	return true, f.statsErr
}
func (f *fakeBackend) SetUserStatInt(user SteamID, name string, v int32) error {
	f.record("SetUserStatInt(%d,%s,%d)", uint64(user), name, v)
	return f.statsErr
}
func (f *fakeBackend) SetUserStatFloat(user SteamID, name string, v float32) error {
	f.record("SetUserStatFloat(%d,%s,%g)", uint64(user), name, v)
	return f.statsErr
}
func (f *fakeBackend) UpdateUserAvgRateStat(user SteamID, name string, count float32, length float64) error {
	f.record("UpdateUserAvgRateStat(%d,%s,%g,%g)", uint64(user), name, count, length)
	return f.statsErr
}
func (f *fakeBackend) SetUserAchievement(user SteamID, name string) error {
	f.record("SetUserAchievement(%d,%s)", uint64(user), name)
	return f.statsErr
}
func (f *fakeBackend) ClearUserAchievement(user SteamID, name string) error {
	f.record("ClearUserAchievement(%d,%s)", uint64(user), name)
	return f.statsErr
}
