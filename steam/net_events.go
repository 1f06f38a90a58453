package steam

// The networking callbacks, queued through the EventQueue like every other: run_callbacks turns
// them into signals on the main thread, in the order they happened.

// ConnectionStatusChanged is SteamNetConnectionStatusChangedCallback_t
// (network_connection_status_changed): Info.State is the new state.
type ConnectionStatusChanged struct {
	Conn     NetConnection
	Info     ConnectionInfo
	OldState ConnectionState
}

// MessagesSessionRequest is SteamNetworkingMessagesSessionRequest_t
// (network_messages_session_request): Remote sent a message and there is no session with them yet.
type MessagesSessionRequest struct{ Remote SteamID }

// MessagesSessionFailed is SteamNetworkingMessagesSessionFailed_t
// (network_messages_session_failed): Info.Identity is who the session was with.
type MessagesSessionFailed struct{ Info ConnectionInfo }

// P2PSessionRequest is P2PSessionRequest_t (p2p_session_request).
type P2PSessionRequest struct{ Remote SteamID }

// P2PSessionConnectFail is P2PSessionConnectFail_t (p2p_session_connect_fail).
type P2PSessionConnectFail struct {
	Remote SteamID
	Error  P2PSessionError
}

// NetAuthenticationStatus is SteamNetAuthenticationStatus_t (network_authentication_status).
type NetAuthenticationStatus struct {
	Available NetworkingAvailability
	Debug     string
}

// RelayNetworkStatus is SteamRelayNetworkStatus_t (relay_network_status).
type RelayNetworkStatus struct {
	Available                 NetworkingAvailability
	PingMeasurementInProgress bool
	AvailableNetworkConfig    NetworkingAvailability
	AvailableAnyRelay         NetworkingAvailability
	Debug                     string
}

func (ConnectionStatusChanged) event() {}
func (MessagesSessionRequest) event()  {}
func (MessagesSessionFailed) event()   {}
func (P2PSessionRequest) event()       {}
func (P2PSessionConnectFail) event()   {}
func (NetAuthenticationStatus) event() {}
func (RelayNetworkStatus) event()      {}
