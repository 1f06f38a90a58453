package steam

// UGCDetails are the fields of SteamUGCDetails_t that UGCItem has no other place for: what Steam
// says about an item beyond the offline catalogue's facts. The steamworks backend reads them from
// GetQueryUGCResult; the offline backend leaves them zero.
type UGCDetails struct {
	CreatorAppID, ConsumerAppID uint32
	TimeAddedToUserList         uint32
	AcceptedForUse              bool
	TagsTruncated               bool   // Steam's comma-separated tag list did not fit its 1025 bytes
	FileHandle                  uint64 // UGCHandle_t of the primary file (legacy items)
	PreviewFileHandle           uint64 // UGCHandle_t of the preview file
	FileName                    string // the primary file's cloud file name (legacy items)
	PrimaryFileSize             int32  // m_nFileSize: the primary file's size (legacy items); UGCItem.FileSize is the total
	PreviewFileSize             int32
	URL                         string // m_rgchURL: the item's video or website URL, not its preview image
	NumChildren                 uint32 // m_unNumChildren: counted whether or not the query returns children
}
