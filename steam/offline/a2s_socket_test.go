package offline

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReceiveBufferResolution(t *testing.T) {
	for _, tc := range []struct {
		name   string
		option int
		env    string // "-" = unset
		want   int
	}{
		{"default", 0, "-", DefaultQueryReceiveBuffer},
		{"environment", 0, "65536", 65536},
		{"environment 0 keeps the system's", 0, "0", 0},
		{"environment not a number: default", 0, "lots", DefaultQueryReceiveBuffer},
		{"environment negative: default", 0, "-5", DefaultQueryReceiveBuffer},
		{"option wins", 100000, "0", 100000},
		{"negative option keeps the system's", -1, "65536", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(EnvQueryReceiveBuffer, "")
			if tc.env != "-" {
				t.Setenv(EnvQueryReceiveBuffer, tc.env)
			}
			assert.Equal(t, tc.want, receiveBufferFor(QueryOptions{ReceiveBuffer: tc.option}))
		})
	}
}
