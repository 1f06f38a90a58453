package steam

// The Workshop calls added for GodotSteam Server 4's whole Ugc section that a game server can make
// on Steam: a query of one user's list of items, pausing downloads, and an item's app dependencies.

import "errors"

// MaxAppDependenciesPerResult is how many app IDs one GetAppDependenciesResult_t holds; an item
// with more is answered in several.
const MaxAppDependenciesPerResult = 32

// UGCAppDependencyReader is a UGCBackend that answers GetAppDependencies: a read of an item's
// public data, which Steam answers a game server too. Both backends are; it is separate from
// UGCBackend so that a backend without it is still a UGCBackend, with getAppDependencies refused.
type UGCAppDependencyReader interface {
	// AppDependencies asks for the item's app dependencies; AppDependencies events follow.
	AppDependencies(id uint64) error
}

// AppDependencies answers GetAppDependencies (GetAppDependenciesResult_t): up to
// MaxAppDependenciesPerResult of the item's Total app IDs.
type AppDependencies struct {
	Result Result
	FileID uint64
	AppIDs []uint32
	Total  uint32
}

func (AppDependencies) event() {}

// ErrNoAppDependencies refuses getAppDependencies on a backend without UGCAppDependencyReader.
var ErrNoAppDependencies = errors.New("this backend does not answer getAppDependencies (it is no steam.UGCAppDependencyReader)")

// UserAccountID is the account createQueryUserUGCRequest's account_id names: an account ID (1 to
// 4294967295) or, as GodotSteam Server 4 also takes (it keeps the low 32 bits), a player's whole Steam ID.
func UserAccountID(v uint64) (uint32, error) {
	switch id := SteamID(v); {
	case v == 0:
		return 0, argErrorf("account_id", "is 0, no account: give the account ID (getSteamID32) or the player's Steam ID")
	case v <= 0xFFFFFFFF:
		return uint32(v), nil
	case id.IndividualAccount() && id.AccountID() != 0:
		return id.AccountID(), nil
	}
	return 0, argErrorf("account_id", "must be an account ID (1 to 4294967295) or a player's Steam ID, got %d", v)
}

func (s *Server) CreateQueryUserUGCRequest(q UGCQueryUser) (uint64, error) {
	if q.Account == 0 {
		return UGCQueryHandleInvalid, argErrorf("account_id", "is 0, no account")
	}
	for _, e := range []struct {
		enum, arg string
		v         int64
	}{{"UserUGCList", "list_type", q.ListType}, {"UGCMatchingUGCType", "matching_ugc_type", q.MatchingType}, {"UserUGCListSortOrder", "sort_order", q.Order}} {
		if err := CheckEnumValue(e.enum, e.arg, e.v); err != nil {
			return UGCQueryHandleInvalid, err
		}
	}
	if err := checkPage(q.Page); err != nil {
		return UGCQueryHandleInvalid, err
	}
	return s.createQuery(UGCQuerySpec{User: &q})
}

func checkPage(page uint32) error {
	if page == 0 {
		return argErrorf("page", "starts at 1, got 0")
	}
	return nil
}

// SuspendDownloads pauses (true) or resumes (false) every Workshop download.
func (s *Server) SuspendDownloads(suspend bool) error {
	return s.ugc(func(b UGCBackend) error { b.SuspendDownloads(suspend); return nil })
}

// GetAppDependencies asks for an item's app dependencies (usually DLC); AppDependencies follows.
func (s *Server) GetAppDependencies(id uint64) error {
	if err := checkFileID(id); err != nil {
		return err
	}
	return s.ugc(func(b UGCBackend) error {
		r, ok := b.(UGCAppDependencyReader)
		if !ok {
			return ErrNoAppDependencies
		}
		return r.AppDependencies(id)
	})
}
