// Files worth keeping between runs (compiled Hyperscan databases: compiling one takes ~0.2 s of
// CPU, loading it a millisecond). Each is stored whole under a name derived from its key, with a
// digest of its bytes that is checked when it is read back; a file that fails the check, cannot
// be read or cannot be written is ignored (the caller compiles again). Writes go to a temporary
// file renamed into place, so concurrent runs never see half a file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace faultline::db_cache {

/// $FAULTLINE_CACHE_DIR, else $XDG_CACHE_HOME/faultline, else $HOME/.cache/faultline; "" when
/// caching is off (FAULTLINE_CACHE_DIR set but not an absolute path, e.g. empty; or no home).
std::string Directory();

/// FNV-1a's multiply over eight bytes at a time, 64 bits: names and checks the files (not a
/// defence against tampering: the cache is the user's own).
uint64_t Digest(std::string_view bytes, uint64_t seed = 0xcbf29ce484222325ULL);

/// The bytes stored under `name` in Directory(), if they are there and intact.
bool Load(const std::string& name, std::string* bytes);
/// Stores `bytes` under `name` (creating Directory() if needed); failures are silent. The
/// directory keeps the 64 newest `*.db` files: each rule set has its own.
void Store(const std::string& name, std::string_view bytes);

}  // namespace faultline::db_cache
