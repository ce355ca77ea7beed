// libcurl, opened the first time a ClickHouse client is made. Linked, it brings 28 more shared
// libraries (TLS, Kerberos, LDAP, ...) into every run: mapping and relocating them and running
// their constructors was most of a 30 ms start, paid by each `analyze` and each cron `scan`,
// while only `ship` and `analyze --engine clickhouse` speak HTTP.
#pragma once

#include <curl/curl.h>

#include <string>

namespace faultline {

/// The libcurl functions the ClickHouse client calls, resolved from libcurl.so.4.
struct CurlLibrary {
  decltype(&curl_global_init) global_init;
  decltype(&curl_easy_init) easy_init;
  decltype(&curl_easy_cleanup) easy_cleanup;
  decltype(&curl_easy_reset) easy_reset;
  decltype(&curl_easy_setopt) easy_setopt;
  decltype(&curl_easy_perform) easy_perform;
  decltype(&curl_easy_getinfo) easy_getinfo;
  decltype(&curl_easy_strerror) easy_strerror;
  decltype(&curl_slist_append) slist_append;
  decltype(&curl_slist_free_all) slist_free_all;
};

/// The library, loaded and initialised (curl_global_init) once per process; nullptr with *error
/// ("cannot load libcurl.so.4: <dlerror>") when it is missing or lacks a function.
const CurlLibrary* LoadCurl(std::string* error);

}  // namespace faultline
