package offline

// Decoding an offline data file (format: see data.go) into Data.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

// File shapes. Pointers tell "absent" from a zero value where the default is not zero.

type fileData struct {
	Format              *int                  `json:"format"`
	OwnsServerApp       *bool                 `json:"owns_server_app"`
	Users               map[string]fileUser   `json:"users"`
	VACBanned           []jsonID              `json:"vac_banned"`
	PublisherBanned     []jsonID              `json:"publisher_banned"`
	Denied              map[string]int64      `json:"denied"`
	Compat              map[string]fileCompat `json:"compat"`
	AssociateClanResult *int64                `json:"associate_clan_result"`
	Clans               map[string]int64      `json:"clans"`
	// Stats and Achievements are the stats schema (data_stats.go).
	Stats        map[string]fileStat        `json:"stats"`
	Achievements map[string]fileAchievement `json:"achievements"`
	// Workshop is the Workshop catalogue (data_workshop.go).
	Workshop *fileWorkshop `json:"workshop"`
	// IPCountry is getIPCountry's answer (utils.go).
	IPCountry string `json:"ip_country"`
	// Inventory is the Steam Inventory schema (data_inventory.go).
	Inventory *fileInventory `json:"inventory"`
}

type fileUser struct {
	Name   string            `json:"name"`
	Apps   []int64           `json:"apps"`
	Groups map[string]string `json:"groups"`
}

type fileCompat struct {
	Result                       *int64 `json:"result"`
	PlayersDontLikeCandidate     int64  `json:"players_dont_like_candidate"`
	PlayersCandidateDoesntLike   int64  `json:"players_candidate_doesnt_like"`
	ClanPlayersDontLikeCandidate int64  `json:"clan_players_dont_like_candidate"`
}

// jsonID is a Steam ID written as a decimal string or a JSON number.
type jsonID string

func (j *jsonID) UnmarshalJSON(b []byte) error {
	s := string(b)
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	*j = jsonID(s)
	return nil
}

// maxNameLen bounds a user's name, as updateUserData does.
const maxNameLen = steam.MaxPlayerNameLen

// ParseData checks and converts the JSON of a data file.
func ParseData(b []byte) (*Data, error) {
	var f fileData
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, describeJSONError(b, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%s: more content after the JSON object", lineCol(b, dec.InputOffset()))
	}
	if f.Format != nil && *f.Format != DataFormat {
		return nil, fmt.Errorf("format is %d; this version reads format %d", *f.Format, DataFormat)
	}
	d := NewData()
	if f.OwnsServerApp != nil {
		d.OwnsServerApp = *f.OwnsServerApp
	}
	if len(f.Users) > 0 {
		d.Users = make(map[steam.SteamID]User, len(f.Users))
	}
	for key, u := range f.Users {
		id, err := parseUserID("users", key)
		if err != nil {
			return nil, err
		}
		if len(u.Name) > maxNameLen || strings.ContainsRune(u.Name, 0) {
			return nil, fmt.Errorf("users.%s.name must be at most %d bytes without NUL characters", key, maxNameLen)
		}
		user := User{Name: u.Name}
		for _, a := range u.Apps {
			if !steam.ValidAppID(a) {
				return nil, fmt.Errorf("users.%s.apps: %d is not an app ID (0 to 4294967295)", key, a)
			}
			user.Apps = append(user.Apps, uint32(a))
		}
		for gkey, role := range u.Groups {
			gid, err := parseClanID("users."+key+".groups", gkey)
			if err != nil {
				return nil, err
			}
			var m GroupMembership
			switch role {
			case "member":
				m = GroupMembership{Member: true}
			case "officer":
				m = GroupMembership{Member: true, Officer: true}
			default:
				return nil, fmt.Errorf("users.%s.groups.%s must be \"member\" or \"officer\", got %q", key, gkey, role)
			}
			if user.Groups == nil {
				user.Groups = map[steam.SteamID]GroupMembership{}
			}
			user.Groups[gid] = m
		}
		d.Users[id] = user
	}
	var err error
	if d.VACBanned, err = idSet("vac_banned", f.VACBanned); err != nil {
		return nil, err
	}
	if d.PublisherBanned, err = idSet("publisher_banned", f.PublisherBanned); err != nil {
		return nil, err
	}
	for key, reason := range f.Denied {
		id, err := parseUserID("denied", key)
		if err != nil {
			return nil, err
		}
		if reason < int64(steam.DenyInvalid) || reason > int64(steam.DenySteamOwnerLeftGuestUser) {
			return nil, fmt.Errorf("denied.%s: %d is not a DenyReason (0 to %d)", key, reason, steam.DenySteamOwnerLeftGuestUser)
		}
		if d.Denied == nil {
			d.Denied = map[steam.SteamID]steam.DenyReason{}
		}
		d.Denied[id] = steam.DenyReason(reason)
	}
	for key, c := range f.Compat {
		id, err := parseUserID("compat", key)
		if err != nil {
			return nil, err
		}
		comp := Compat{Result: steam.ResultOK}
		if c.Result != nil {
			if comp.Result, err = parseResult("compat."+key+".result", *c.Result); err != nil {
				return nil, err
			}
		}
		counts := []struct {
			name string
			v    int64
			dst  *int32
		}{
			{"players_dont_like_candidate", c.PlayersDontLikeCandidate, &comp.PlayersDontLikeCandidate},
			{"players_candidate_doesnt_like", c.PlayersCandidateDoesntLike, &comp.PlayersCandidateDoesntLike},
			{"clan_players_dont_like_candidate", c.ClanPlayersDontLikeCandidate, &comp.ClanPlayersDontLikeCandidate},
		}
		for _, n := range counts {
			if n.v < 0 || n.v > 1<<31-1 {
				return nil, fmt.Errorf("compat.%s.%s must be between 0 and 2147483647, got %d", key, n.name, n.v)
			}
			*n.dst = int32(n.v)
		}
		if d.Compat == nil {
			d.Compat = map[steam.SteamID]Compat{}
		}
		d.Compat[id] = comp
	}
	if f.AssociateClanResult != nil {
		if d.AssociateClanResult, err = parseResult("associate_clan_result", *f.AssociateClanResult); err != nil {
			return nil, err
		}
	}
	for key, r := range f.Clans {
		id, err := parseClanID("clans", key)
		if err != nil {
			return nil, err
		}
		res, err := parseResult("clans."+key, r)
		if err != nil {
			return nil, err
		}
		if d.Clans == nil {
			d.Clans = map[steam.SteamID]steam.Result{}
		}
		d.Clans[id] = res
	}
	if f.Stats != nil || f.Achievements != nil {
		if d.Stats, err = parseStatsSchema(f.Stats, f.Achievements); err != nil {
			return nil, err
		}
	}
	if f.Workshop != nil {
		if d.Workshop, err = parseWorkshop(f.Workshop); err != nil {
			return nil, err
		}
	}
	if d.IPCountry, err = parseCountry("ip_country", f.IPCountry); err != nil {
		return nil, err
	}
	if f.Inventory != nil {
		if d.Inventory, err = parseInventory(f.Inventory); err != nil {
			return nil, err
		}
	}
	return d, nil
}
