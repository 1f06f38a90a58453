package steamworks

// getAppDependencies on Steam: GetAppDependencies on the game server's ISteamUGC, answered with
// GetAppDependenciesResult_t (3416) as the call's result, through the pump like
// SendQueryUGCRequest's. isteamugc.h warns that one call may be answered several times, 32 app IDs
// at a time: every result fetched for the call is an event, and the call's item is remembered
// until its results have held all the item's app IDs, so that a failed one still names the item.

import "github.com/gosteam/godot-steam-server/steam"

var symGetAppDependencies = ugcMethod("GetAppDependencies", shapeU64WU64)

var _ steam.UGCAppDependencyReader = (*Backend)(nil)

// dependencyCall is a GetAppDependencies call still answering: its item, and how many app IDs
// its results have held so far.
type dependencyCall struct {
	file     uint64
	received uint32
}

// AppDependencies starts the call; k_uAPICallInvalid is its error, and no event follows.
func (b *Backend) AppDependencies(id uint64) error {
	call, err := b.startUGCCall(symGetAppDependencies, id, "")
	if err != nil {
		return err
	}
	if len(b.dependencies) < maxPendingCalls {
		b.dependencies[call] = dependencyCall{file: id}
	}
	return nil
}

// dependenciesAnswered is the item of call, if it is a GetAppDependencies call, given its result
// ev (nil when the call failed). The call is forgotten unless ev says more results follow: a
// successful result whose app IDs, with the earlier results', are fewer than the item has.
func (b *Backend) dependenciesAnswered(call uint64, ev steam.Event) (file uint64, ok bool) {
	c, ok := b.dependencies[call]
	if !ok {
		return 0, false
	}
	if r, isResult := ev.(steam.AppDependencies); isResult && r.Result == steam.ResultOK && len(r.AppIDs) > 0 {
		c.received += uint32(len(r.AppIDs))
		if c.received < r.Total {
			b.dependencies[call] = c
			return c.file, true
		}
	}
	delete(b.dependencies, call)
	return c.file, true
}
