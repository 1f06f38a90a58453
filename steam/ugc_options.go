package steam

// The query setters' arguments, checked against Steam's limits before a backend sees the option:
// a refused setter changes nothing, and says which argument and why.

import "fmt"

// MaxCloudFileName is k_cchFilenameMax, the longest cloud file name setCloudFileNameFilter takes.
const MaxCloudFileName = 260

// MaxTagLen bounds a tag, a key-value tag's key or value, and the search text (Steam's buffers).
const MaxTagLen = 255

// ShapeUGCQuery applies one query setter to an unsent query.
func (s *Server) ShapeUGCQuery(handle uint64, opt UGCQueryOption) (bool, error) {
	if err := checkUGCOption(opt); err != nil {
		return false, err
	}
	err := s.ugc(func(b UGCBackend) error { return b.ShapeUGCQuery(handle, opt) })
	return err == nil, err
}

func checkUGCOption(opt UGCQueryOption) error {
	switch opt.Option {
	case UGCRequiredTag, UGCExcludedTag:
		return checkText("tag_name", opt.Text, 1, MaxTagLen)
	case UGCRequiredKeyValueTag:
		if err := checkText("key", opt.Text, 1, MaxTagLen); err != nil {
			return err
		}
		return checkText("value", opt.Text2, 0, MaxTagLen)
	case UGCSearchText:
		return checkText("search_text", opt.Text, 0, MaxTagLen)
	case UGCRequiredTagGroup:
		if len(opt.Tags) == 0 {
			return argErrorf("tag_array", "is empty: a tag group needs at least one tag, of which results must have one")
		}
		for i, t := range opt.Tags {
			if err := checkText(fmt.Sprintf("tag_array[%d]", i), t, 1, MaxTagLen); err != nil {
				return err
			}
		}
	case UGCLanguage:
		return checkLanguage(opt.Text)
	case UGCCloudFileNameFilter:
		return checkText("match_cloud_filename", opt.Text, 0, MaxCloudFileName)
	case UGCTimeCreatedRange, UGCTimeUpdatedRange:
		if opt.M < opt.N {
			return argErrorf("end", "(%d) is before start (%d): the range is start to end, both included", opt.M, opt.N)
		}
	}
	return nil
}

// checkText refuses a String argument outside min to max bytes of UTF-8.
func checkText(arg, v string, min, max int) error {
	switch {
	case len(v) >= min && len(v) <= max:
		return nil
	case min > 0:
		return argErrorf(arg, "must be %d to %d bytes, got %d", min, max, len(v))
	}
	return argErrorf(arg, "must be at most %d bytes, got %d", max, len(v))
}

// checkLanguage accepts what Steam's API language codes look like ("english", "schinese",
// "brazilian"): lower-case ASCII letters. The list itself is Steam's and grows, so it is not copied.
func checkLanguage(v string) error {
	ok := v != "" && len(v) <= 32
	for _, c := range v {
		ok = ok && c >= 'a' && c <= 'z'
	}
	if !ok {
		return argErrorf("language", "must be a Steam API language code in lower case, such as \"english\" or \"schinese\", got %s", quoteShort(v))
	}
	return nil
}
