#include "src/warehouse/curl_library.h"

#include <dlfcn.h>

#include <mutex>

namespace faultline {
namespace {

template <typename Function>
bool Resolve(void* handle, const char* name, Function* function, std::string* error) {
  *function = reinterpret_cast<Function>(dlsym(handle, name));
  if (*function == nullptr) *error = std::string("libcurl.so.4 lacks ") + name;
  return *function != nullptr;
}

}  // namespace

const CurlLibrary* LoadCurl(std::string* error) {
  static CurlLibrary library;
  static std::string load_error;
  static std::once_flag once;
  static bool loaded = false;
  std::call_once(once, [] {
    // Never closed: the process keeps it as it would a linked library.
    void* handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      load_error = std::string("cannot load libcurl.so.4: ") + (why ? why : "unknown error") +
                   " (Debian package libcurl4)";
      return;
    }
    CurlLibrary& l = library;
    loaded = Resolve(handle, "curl_global_init", &l.global_init, &load_error) &&
             Resolve(handle, "curl_easy_init", &l.easy_init, &load_error) &&
             Resolve(handle, "curl_easy_cleanup", &l.easy_cleanup, &load_error) &&
             Resolve(handle, "curl_easy_reset", &l.easy_reset, &load_error) &&
             Resolve(handle, "curl_easy_setopt", &l.easy_setopt, &load_error) &&
             Resolve(handle, "curl_easy_perform", &l.easy_perform, &load_error) &&
             Resolve(handle, "curl_easy_getinfo", &l.easy_getinfo, &load_error) &&
             Resolve(handle, "curl_easy_strerror", &l.easy_strerror, &load_error) &&
             Resolve(handle, "curl_slist_append", &l.slist_append, &load_error) &&
             Resolve(handle, "curl_slist_free_all", &l.slist_free_all, &load_error);
    if (loaded) l.global_init(CURL_GLOBAL_DEFAULT);
  });
  if (!loaded) *error = load_error;
  return loaded ? &library : nullptr;
}

}  // namespace faultline
