package offline

// Checks of the values in an offline data file, and its error messages with line and column.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

func parseID(where, s string) (steam.SteamID, error) {
	v, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not a Steam ID (a decimal 64-bit number such as \"76561197960287930\")", where, s)
	}
	return steam.SteamID(v), nil
}

func parseUserID(where, s string) (steam.SteamID, error) {
	id, err := parseID(where, s)
	if err != nil {
		return 0, err
	}
	if !id.Valid() {
		return 0, fmt.Errorf("%s: %s is not a valid Steam ID (universe, account type or account number)", where, s)
	}
	if t := id.AccountType(); t == steam.AccountTypeClan || t == steam.AccountTypeChat {
		return 0, fmt.Errorf("%s: %s is a group or chat Steam ID, not a user's", where, s)
	}
	return id, nil
}

func parseClanID(where, s string) (steam.SteamID, error) {
	id, err := parseID(where, s)
	if err != nil {
		return 0, err
	}
	if !id.Valid() || id.AccountType() != steam.AccountTypeClan {
		return 0, fmt.Errorf("%s: %s is not a group (clan) Steam ID (account type 7)", where, s)
	}
	return id, nil
}

func parseResult(where string, v int64) (steam.Result, error) {
	if v < 1 || v > 1<<31-1 {
		return 0, fmt.Errorf("%s: %d is not an EResult (1 = OK, 2 = Fail, ...)", where, v)
	}
	return steam.Result(v), nil
}

// parseCountry accepts "" or a two-letter upper-case ISO 3166-1 alpha-2 code, as Steam's
// GetIPCountry writes it.
func parseCountry(where, code string) (string, error) {
	if code == "" {
		return "", nil
	}
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return "", fmt.Errorf("%s must be \"\" or a two-letter ISO 3166-1 country code in capitals such as \"DE\", got %q", where, code)
	}
	return code, nil
}

func idSet(where string, ids []jsonID) (map[steam.SteamID]bool, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	set := make(map[steam.SteamID]bool, len(ids))
	for _, s := range ids {
		id, err := parseUserID(where, string(s))
		if err != nil {
			return nil, err
		}
		set[id] = true
	}
	return set, nil
}

// describeJSONError adds the line and column to a decoding error.
func describeJSONError(b []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Errorf("%s: invalid JSON: %v", lineCol(b, syntax.Offset-1), err) // Offset is just past the fault
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the top level"
		}
		return fmt.Errorf("%s: %s must be %s, got a JSON %s", lineCol(b, typ.Offset), field, jsonTypeName(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.EOF):
		return errors.New("the file is empty; write {} for the defaults")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the JSON ends early")
	}
	// Unknown fields: "json: unknown field \"x\"".
	return errors.New(strings.TrimPrefix(err.Error(), "json: "))
}

func jsonTypeName(kind string) string {
	switch kind {
	case "map", "struct":
		return "an object"
	case "slice":
		return "an array"
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	}
	return "a whole number"
}

func lineCol(b []byte, offset int64) string {
	offset = max(0, min(offset, int64(len(b))))
	line, col := 1, 1
	for _, c := range b[:offset] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("line %d, column %d", line, col)
}
