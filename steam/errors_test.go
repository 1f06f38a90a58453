package steam

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRefusedValuesAreQuotedShort(t *testing.T) {
	assert.Equal(t, `"x"`, quoteShort("x"))
	huge := strings.Repeat("a", 1<<20)
	msg := quoteShort(huge)
	assert.Less(t, len(msg), 100, "a 1 MB argument must not flood the log")
	assert.Contains(t, msg, "(1048576 bytes)")
	_, err := ParseIPv4(huge)
	assert.Less(t, len(err.Error()), 200)
}
