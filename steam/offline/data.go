package offline

// The offline data file tells the emulation what Steam would know about users and clans: who owns
// which apps and DLC, group memberships, bans, denials, compatibility and clan answers. A game's test
// suite ships one so its tests get the answers they need. It is JSON, read at every serverInit from
// the file GOSTEAM_OFFLINE_DATA names (which must then exist), else from steam_offline.json in the
// working directory when there is one (as steam_appid.txt); without either, defaults apply. Steam IDs
// are written as decimal strings (JSON numbers are accepted too, but many JSON writers round them).
//
//	{
//	  "format": 1,
//	  "owns_server_app": true,
//	  "users": {
//	    "76561197960287930": {"name": "Alice", "apps": [1001, 1002], "groups": {"103582791429521412": "officer"}}
//	  },
//	  "vac_banned": ["76561197960287931"],
//	  "publisher_banned": ["76561197960287932"],
//	  "denied": {"76561197960287933": 5},
//	  "compat": {"76561197960287934": {"result": 1, "players_dont_like_candidate": 2}},
//	  "associate_clan_result": 1,
//	  "clans": {"103582791429521413": 15},
//	  "ip_country": "DE",
//	  "stats": {"NumGames": {"type": "int", "min": 0}},
//	  "achievements": {"ACH_WIN_ONE_GAME": {"stat": "NumGames", "threshold": 1}}
//	}
//
// "stats" and "achievements" are the stats schema: see data_stats.go. "workshop" is the Workshop
// catalogue: see data_workshop.go. "inventory" is the Steam Inventory schema: see data_inventory.go.
//
// Every key is optional; unknown keys, wrong types and invalid IDs or values are errors, reported with
// the file's path and the line and column.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/gosteam/godot-steam-server/steam"
)

// EnvOfflineData names the offline data file.
const EnvOfflineData = "GOSTEAM_OFFLINE_DATA"

// DefaultDataFile is read from the working directory when EnvOfflineData is not set.
const DefaultDataFile = "steam_offline.json"

// DataFormat is the only "format" value understood.
const DataFormat = 1

// GroupMembership is what RequestUserGroupStatus reports for one user in one group.
type GroupMembership struct{ Member, Officer bool }

// User is what Steam knows of one user.
type User struct {
	// Name is the player's name in the server's player list until updateUserData sets one.
	Name string
	// Apps lists the apps and DLC the user owns (besides the server's app, see Data.OwnsServerApp).
	Apps []uint32
	// Groups gives the user's membership of each group.
	Groups map[steam.SteamID]GroupMembership
}

// Compat is the answer to ComputeNewPlayerCompatibility for one candidate.
type Compat struct {
	Result                       steam.Result
	PlayersDontLikeCandidate     int32
	PlayersCandidateDoesntLike   int32
	ClanPlayersDontLikeCandidate int32
}

// Data is the content of an offline data file. The zero value is the defaults: everyone owns the
// server's app and nothing else, belongs to no group, is neither banned nor denied, is compatible with
// everyone, and every clan association succeeds.
type Data struct {
	// OwnsServerApp false means only users whose Apps list the server's app own it. Use NewData or
	// the file's default (true); the zero Data has it false only when built by hand.
	OwnsServerApp   bool
	Users           map[steam.SteamID]User
	VACBanned       map[steam.SteamID]bool
	PublisherBanned map[steam.SteamID]bool
	// Denied users are refused by SendUserConnectAndAuthenticate with this reason.
	Denied map[steam.SteamID]steam.DenyReason
	Compat map[steam.SteamID]Compat
	// AssociateClanResult answers AssociateWithClan for clans not in Clans; 0 means ResultOK.
	AssociateClanResult steam.Result
	Clans               map[steam.SteamID]steam.Result
	// Stats is the app's stats and achievements (data_stats.go); nil means DefaultStatsSchema.
	Stats *StatsSchema
	// Workshop is the Workshop catalogue (data_workshop.go); nil means no items.
	Workshop *Workshop
	// IPCountry is getIPCountry's answer: "" or an upper-case ISO 3166-1 alpha-2 code (utils.go).
	IPCountry string
	// Inventory is the item definitions and starting items (data_inventory.go); nil means
	// DefaultInventorySchema.
	Inventory *InventorySchema
	// Path is the file the data came from, "" if none.
	Path string
}

// NewData returns the defaults (what no data file gives).
func NewData() *Data { return &Data{OwnsServerApp: true} }

// StatsSchema is the data's schema, or DefaultStatsSchema when it has none.
func (d *Data) StatsSchema() *StatsSchema {
	if d.Stats == nil {
		return defaultSchema
	}
	return d.Stats
}

var defaultSchema = DefaultStatsSchema()

// InventorySchema is the data's inventory schema, or DefaultInventorySchema when it has none.
func (d *Data) InventorySchema() *InventorySchema {
	if d.Inventory == nil {
		return defaultInventory
	}
	return d.Inventory
}

var defaultInventory = DefaultInventorySchema()

// Owns reports whether user owns app, on a server running serverApp.
func (d *Data) Owns(user steam.SteamID, app, serverApp uint32) bool {
	if app == serverApp && d.OwnsServerApp {
		return true
	}
	for _, a := range d.Users[user].Apps {
		if a == app {
			return true
		}
	}
	return false
}

// ClanResult is the associate_clan result for clan.
func (d *Data) ClanResult(clan steam.SteamID) steam.Result {
	if r, ok := d.Clans[clan]; ok {
		return r
	}
	if d.AssociateClanResult != 0 {
		return d.AssociateClanResult
	}
	return steam.ResultOK
}

// LoadData reads the data file the environment names (see the package comment); no file gives NewData.
func LoadData() (*Data, error) {
	if path := steam.Getenv(EnvOfflineData); path != "" {
		return ReadDataFile(path)
	}
	wd, err := os.Getwd()
	if err != nil {
		return NewData(), nil
	}
	path := filepath.Join(wd, DefaultDataFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return NewData(), nil
	}
	return ReadDataFile(path)
}

// ReadDataFile reads and checks one data file.
func ReadDataFile(path string) (*Data, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		how := "cannot be read: " + err.Error()
		switch {
		case errors.Is(err, fs.ErrNotExist):
			how = "does not exist"
		case errors.Is(err, fs.ErrPermission):
			how = "cannot be read (permission denied)"
		}
		return nil, fmt.Errorf("offline data file %s %s", path, how)
	}
	d, err := ParseData(b)
	if err != nil {
		return nil, fmt.Errorf("offline data file %s: %v", path, err)
	}
	d.Path = path
	if d.Workshop != nil {
		if err := d.Workshop.resolveFolders(filepath.Dir(path)); err != nil {
			return nil, fmt.Errorf("offline data file %s: %v", path, err)
		}
	}
	return d, nil
}
