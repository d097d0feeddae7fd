# SPDX-License-Identifier: GPL-3.0-or-later
#
# One static library per layer of models/ (the map is in README.md, "Layers").
#
# cratedesk_add_layer(NAME SOURCES... [USES layer...] [USES_PRIVATELY layer...]
#                     [LINKS target...] [LINKS_PRIVATELY target...])
#
# A layer's headers are reached as "NAME/file.h" through an include root that holds NAME
# alone (a link in the build tree to models/NAME). A target therefore sees the headers of its
# own layer and of the layers it USES (and, through them, what those use): an include of any
# other layer does not compile. USES_PRIVATELY layers are for the .cpp files only: they do not
# reach the layers above.
function(cratedesk_add_layer name)
    cmake_parse_arguments(ARG "" "" "SOURCES;USES;USES_PRIVATELY;LINKS;LINKS_PRIVATELY" ${ARGN})
    set(target cratedesk_${name})
    add_library(${target} STATIC ${ARG_SOURCES})
    set(root ${CMAKE_BINARY_DIR}/layers/${name})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${root}/${name} SYMBOLIC)
    target_include_directories(${target} PUBLIC $<BUILD_INTERFACE:${root}>)
    list(TRANSFORM ARG_USES PREPEND cratedesk_)
    list(TRANSFORM ARG_USES_PRIVATELY PREPEND cratedesk_)
    target_link_libraries(${target}
        PUBLIC ${ARG_USES} ${ARG_LINKS}
        PRIVATE cratedesk_compile_options ${ARG_USES_PRIVATELY} ${ARG_LINKS_PRIVATELY})
    # "../other/file.h" would walk around the include roots.
    foreach(source IN LISTS ARG_SOURCES)
        file(STRINGS ${CMAKE_CURRENT_SOURCE_DIR}/${source} escapes REGEX "^#include \"\\.\\./")
        if(escapes)
            message(FATAL_ERROR "models/${name}/${source}: ${escapes}: include other layers as \"layer/file.h\"")
        endif()
    endforeach()
endfunction()
