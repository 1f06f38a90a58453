package steam

import "fmt"

// FieldDef is one row of Fields: what a one-argument setter's field is called, where State keeps
// it, what Steam accepts for it and which ISteamGameServer call takes it.
type FieldDef struct {
	Method string // the setter's name on the Steam singleton, as GodotSteam Server names it
	Doc    string // what the setter sets, for the docs: a sentence without its full stop
	Key    string // getServerState's Dictionary key
	Arg    string // the setter's argument, as GDScript names it and errors quote it
	Steam  string // the ISteamGameServer setter that takes it; "" when Steam has none (only kept)
	// Kept says, for a field Steam has no call for, what becomes of the value (for the docs).
	Kept string
	// BeforeLogOn: Steam reads it only at log-on, so a value set after logOn is refused.
	BeforeLogOn bool
	MaxLen      int      // a string's limit in bytes (Steam's k_cbMaxGameServer*, without the NUL)
	Range       IntRange // the values an integer accepts
	at          slot
}

// Kind is the Go type a field is kept as, which also fixes its setter's argument and its Steam call.
type Kind int

const (
	KindString Kind = iota
	KindBool
	KindInt32
	KindUint16
)

// Kind reports how the field is kept.
func (d *FieldDef) Kind() Kind { return d.at.kind() }

// String, Bool and Int read the field from st; each answers the zero value for a field of another kind.
func (d *FieldDef) String(st *State) string {
	if p, ok := d.at.(text); ok {
		return *p(st)
	}
	return ""
}

func (d *FieldDef) Bool(st *State) bool {
	if p, ok := d.at.(flag); ok {
		return *p(st)
	}
	return false
}

func (d *FieldDef) Int(st *State) int64 {
	switch p := d.at.(type) {
	case integer[int32]:
		return int64(*p(st))
	case integer[uint16]:
		return int64(*p(st))
	}
	return 0
}

// IntRange is the values an integer setter accepts; Says, when set, words the range for errors.
type IntRange struct {
	Min, Max int64
	Says     string
}

// Check refuses a value outside the range, naming the argument.
func (r IntRange) Check(arg string, v int64) error {
	if v >= r.Min && v <= r.Max {
		return nil
	}
	says := r.Says
	if says == "" {
		says = fmt.Sprintf("between %d and %d", r.Min, r.Max)
	}
	return argErrorf(arg, "must be %s, got %d", says, v)
}

// slot is where State keeps a field: a pointer into it of the field's type.
type slot interface{ kind() Kind }

type (
	text                      func(*State) *string
	flag                      func(*State) *bool
	integer[T int32 | uint16] func(*State) *T
)

// number makes the slot of an integer field, its Go type inferred from the State field.
func number[T int32 | uint16](p func(*State) *T) slot { return integer[T](p) }

func (text) kind() Kind { return KindString }
func (flag) kind() Kind { return KindBool }
func (integer[T]) kind() Kind {
	var zero T
	if _, ok := any(zero).(uint16); ok {
		return KindUint16
	}
	return KindInt32
}

// fieldOf finds field's row when it is kept as kind; a mismatch is a programming error, reported
// rather than panicking in the game.
func fieldOf(field Field, kind Kind) (*FieldDef, error) {
	if field < 0 || field >= Field(len(Fields)) || Fields[field].Kind() != kind {
		return nil, fmt.Errorf("field %d is not a one-argument setter of kind %d", field, kind)
	}
	return &Fields[field], nil
}

// checkLen refuses a string longer than max bytes (Steam's limits count bytes, not characters).
func checkLen(arg, v string, max int) error {
	if len(v) > max {
		return argErrorf(arg, "is %d bytes long; Steam allows at most %d", len(v), max)
	}
	return nil
}

// SetString, SetBool and SetInt are the one-argument setters (setMapName, setDedicatedServer,
// setMaxPlayerCount...): each checks the value against field's row in Fields and stores it.

func (s *Server) SetString(field Field, v string) error {
	d, err := fieldOf(field, KindString)
	if err != nil {
		return err
	}
	if err := checkLen(d.Arg, v, d.MaxLen); err != nil {
		return err
	}
	return setValue(s, field, d.BeforeLogOn, v, d.at.(text))
}

func (s *Server) SetBool(field Field, v bool) error {
	d, err := fieldOf(field, KindBool)
	if err != nil {
		return err
	}
	return setValue(s, field, d.BeforeLogOn, v, d.at.(flag))
}

// SetInt takes the int GDScript passes; the row's range keeps it within the kept type.
func (s *Server) SetInt(field Field, v int64) error {
	d, err := fieldOf(field, KindInt32)
	if err != nil {
		if d, err = fieldOf(field, KindUint16); err != nil {
			return fmt.Errorf("field %d is not an integer setter", field)
		}
	}
	if err := d.Range.Check(d.Arg, v); err != nil {
		return err
	}
	if p, ok := d.at.(integer[uint16]); ok {
		return setValue(s, field, d.BeforeLogOn, uint16(v), p)
	}
	return setValue(s, field, d.BeforeLogOn, int32(v), d.at.(integer[int32]))
}
