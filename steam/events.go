package steam

// Event is one Steam callback, as either backend reports it. Events are delivered in the
// order they happened; the signals package turns each into a Godot signal.
type Event interface{ event() }

type ServerConnected struct{}

type ServerConnectFailure struct {
	Result   Result
	Retrying bool
}

type ServerDisconnected struct{ Result Result }

type PolicyResponse struct{ Secure bool }

type ValidateAuthTicketResponse struct {
	SteamID  SteamID
	Response AuthSessionResponse
	OwnerID  SteamID
}

type GetAuthSessionTicketResponse struct {
	Ticket uint32
	Result Result
}

type ClientApproved struct{ SteamID, OwnerID SteamID }

type ClientDenied struct {
	SteamID SteamID
	Reason  DenyReason
	Text    string // Steam's optional explanation; not part of the signal
}

type ClientKick struct {
	SteamID SteamID
	Reason  DenyReason
}

type ClientGroupStatus struct {
	SteamID SteamID
	GroupID SteamID
	Member  bool
	Officer bool
}

type AssociateClan struct{ Result Result }

type PlayerCompat struct {
	Result                       Result
	PlayersDontLikeCandidate     int32
	PlayersCandidateDoesntLike   int32
	ClanPlayersDontLikeCandidate int32
	SteamID                      SteamID
}

func (ServerConnected) event()              {}
func (ServerConnectFailure) event()         {}
func (ServerDisconnected) event()           {}
func (PolicyResponse) event()               {}
func (ValidateAuthTicketResponse) event()   {}
func (GetAuthSessionTicketResponse) event() {}
func (ClientApproved) event()               {}
func (ClientDenied) event()                 {}
func (ClientKick) event()                   {}
func (ClientGroupStatus) event()            {}
func (AssociateClan) event()                {}
func (PlayerCompat) event()                 {}
