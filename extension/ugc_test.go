package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every key the Workshop's Dictionaries use is defined, and getQueryUGCResult has all of
// GodotSteam Server 4's keys, in its order.
func TestWorkshopDictionaryKeys(t *testing.T) {
	var names []string
	for _, f := range queryResultFields {
		assert.NotPanics(t, func() { ugcKey(f.name) }, f.name)
		names = append(names, f.name)
	}
	for _, name := range []string{"ret", "downloaded", "total", "folder", "timestamp", "success", "handle", "index", "tag", "key", "value",
		"children", "preview", "urlOrVideo", "filename", "descriptors", "min", "max"} {
		assert.NotPanics(t, func() { ugcKey(name) }, name)
	}
	assert.Equal(t, []string{"result", "file_id", "file_type", "creator_app_id", "consumer_app_id", "title", "description",
		"steam_id_owner", "time_created", "time_updated", "time_added_to_user_list", "visibility", "banned", "accepted_for_use",
		"tags_truncated", "tags", "handle_file", "handle_preview_file", "file_name", "file_size", "preview_file_size", "url",
		"votes_up", "votes_down", "score", "num_children", "total_files_size"}, names, "godotsteam_server.cpp's getQueryUGCResult")
}
