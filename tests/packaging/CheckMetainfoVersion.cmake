# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DMETAINFO=<file> -DVERSION=<x.y.z> -P CheckMetainfoVersion.cmake
# Fails unless the newest <release> of the AppStream file (the first one listed) is VERSION, so a
# version bump in CMakeLists.txt cannot ship with stale release notes.
file(READ "${METAINFO}" _xml)
string(REGEX MATCH "<release version=\"([^\"]+)\"" _m "${_xml}")
if(NOT _m)
    message(FATAL_ERROR "${METAINFO}: no <release version=\"...\"> element")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
    message(FATAL_ERROR "${METAINFO}: newest release is ${CMAKE_MATCH_1}, but the project version is ${VERSION}")
endif()
message(STATUS "newest release ${CMAKE_MATCH_1} matches the project version")
