// Package buckets registers the object stores rinse reads inputs from and
// writes datasets to: s3:// (AWS S3 and S3-compatible servers such as
// SeaweedFS or MinIO, with ?endpoint=…&use_path_style=true), gs:// (Google
// Cloud Storage) and azblob:// (Azure Blob Storage), through gocloud.dev's
// blob drivers. Credentials come from each cloud's standard environment
// variables and files, never from flags. Import it for its side effect,
// from a main package:
//
//	import _ "github.com/rinse-etl/rinse/buckets"
package buckets

import (
	_ "gocloud.dev/blob/azureblob" // azblob://
	_ "gocloud.dev/blob/gcsblob"   // gs://
	_ "gocloud.dev/blob/s3blob"    // s3://
)
