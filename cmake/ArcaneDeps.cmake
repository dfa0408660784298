# Third-party packages, all from Debian (scripts/setup.sh installs them). Each one is used
# in one folder only, behind our own interfaces.
find_package(antlr4-runtime 4.9 REQUIRED CONFIG)
add_library(arcane_antlr INTERFACE)
target_include_directories(arcane_antlr SYSTEM INTERFACE ${ANTLR4_INCLUDE_DIR})
target_link_libraries(arcane_antlr INTERFACE antlr4_shared)
find_program(ANTLR4_TOOL antlr4 REQUIRED)

find_package(RapidJSON 1.1 REQUIRED CONFIG)
add_library(arcane_rapidjson INTERFACE)
target_include_directories(arcane_rapidjson SYSTEM INTERFACE ${RAPIDJSON_INCLUDE_DIRS})

find_package(yaml-cpp REQUIRED CONFIG)
find_package(CLI11 2.1 REQUIRED CONFIG)
find_package(PkgConfig REQUIRED)
pkg_check_modules(GMP REQUIRED IMPORTED_TARGET gmp)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)    # stdlib/: regex built-ins
pkg_check_modules(UUID REQUIRED IMPORTED_TARGET uuid)  # stdlib/: uuid.rfc4122
pkg_check_modules(LIBYAML REQUIRED IMPORTED_TARGET yaml-0.1)  # stdlib/: yaml.marshal (go-yaml's emitter is a libyaml port)
find_package(date 3.0 REQUIRED CONFIG)  # stdlib/: IANA time zones (date::date-tz, the OS tz database)
find_package(OpenSSL 3 REQUIRED)        # stdlib/: crypto, JWT, X.509 (OpenSSL::Crypto)
find_package(CURL 7.74 REQUIRED)        # stdlib/: http.send (CURL::libcurl)
if(ARCANE_TESTS)
  find_package(GTest 1.12 REQUIRED CONFIG)
endif()
if(ARCANE_BENCH)
  find_package(benchmark 1.7 REQUIRED CONFIG)
endif()
