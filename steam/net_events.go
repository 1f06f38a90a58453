package steam

// The networking callbacks, queued through the EventQueue like every other: run_callbacks turns
// them into signals on the main thread, in the order they happened.

// netEvent makes each networking callback an Event.
type netEvent struct{}

func (netEvent) event() {}

// ConnectionStatusChanged is SteamNetConnectionStatusChangedCallback_t
// (network_connection_status_changed): Info.State is the new state.
type ConnectionStatusChanged struct {
	netEvent
	Conn     NetConnection
	Info     ConnectionInfo
	OldState ConnectionState
}

// MessagesSessionRequest is SteamNetworkingMessagesSessionRequest_t
// (network_messages_session_request): Remote sent a message and there is no session with them yet.
type MessagesSessionRequest struct {
	netEvent
	Remote SteamID
}

// MessagesSessionFailed is SteamNetworkingMessagesSessionFailed_t
// (network_messages_session_failed): Info.Identity is who the session was with.
type MessagesSessionFailed struct {
	netEvent
	Info ConnectionInfo
}

// P2PSessionRequest is P2PSessionRequest_t (p2p_session_request).
type P2PSessionRequest struct {
	netEvent
	Remote SteamID
}

// P2PSessionConnectFail is P2PSessionConnectFail_t (p2p_session_connect_fail).
type P2PSessionConnectFail struct {
	netEvent
	Remote SteamID
	Error  P2PSessionError
}

// NetAuthenticationStatus is SteamNetAuthenticationStatus_t (network_authentication_status).
type NetAuthenticationStatus struct {
	netEvent
	Available NetworkingAvailability
	Debug     string
}

// RelayNetworkStatus is SteamRelayNetworkStatus_t (relay_network_status).
type RelayNetworkStatus struct {
	netEvent
	Available                 NetworkingAvailability
	PingMeasurementInProgress bool
	AvailableNetworkConfig    NetworkingAvailability
	AvailableAnyRelay         NetworkingAvailability
	Debug                     string
}
