package offline

// getAppDependencies offline: the catalogue's app_dependencies of an item, answered as Steam
// does, in GetAppDependenciesResult_t's of up to 32 app IDs each (one, empty, for an item with
// none); an item not in the catalogue is one RESULT_FILE_NOT_FOUND.

import (
	"slices"

	"github.com/gosteam/godot-steam-server/steam"
)

func (b *Backend) AppDependencies(id uint64) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	it, ok := b.catalogue().Items[id]
	if !ok {
		b.push(steam.AppDependencies{Result: steam.ResultFileNotFound, FileID: id})
		return nil
	}
	apps, total := it.AppDependencies, uint32(len(it.AppDependencies))
	for first := true; first || len(apps) > 0; first = false {
		n := min(len(apps), steam.MaxAppDependenciesPerResult)
		b.push(steam.AppDependencies{Result: steam.ResultOK, FileID: id, AppIDs: slices.Clone(apps[:n]), Total: total})
		apps = apps[n:]
	}
	return nil
}
