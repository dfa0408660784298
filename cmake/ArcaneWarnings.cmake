# Warnings and sanitizers for our own targets. Third-party headers are included as
# SYSTEM so their warnings do not drown ours.
add_library(arcane_options INTERFACE)
target_compile_options(arcane_options INTERFACE -Wall -Wextra -Wno-unused-parameter)
if(ARCANE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
if(ARCANE_FUZZ)
  # Coverage instrumentation everywhere; the fuzz executables add libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# arcane_library(NAME SOURCES... ) : a layer library with our warnings on.
function(arcane_library name)
  add_library(${name} STATIC ${ARGN})
  target_link_libraries(${name} PRIVATE arcane_options)
  target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR})
endfunction()

# arcane_test(NAME SOURCES... LIBS ...) : a GoogleTest binary registered with ctest.
function(arcane_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  if(NOT ARCANE_TESTS)
    return()
  endif()
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} arcane_options GTest::gtest_main GTest::gmock)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES ENVIRONMENT "ARCANE_SHARED_DIR=${ARCANE_SHARED_DIR}")
endfunction()
