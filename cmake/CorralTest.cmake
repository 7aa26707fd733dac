# corral_add_test(NAME SOURCE LIBS... [LABELS l]) — one QtTest executable per unit.
function(corral_add_test name source)
    cmake_parse_arguments(ARG "" "TIMEOUT" "LIBS;LABELS" ${ARGN})
    qt_add_executable(${name} ${source})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT "$<IF:$<BOOL:${ARG_TIMEOUT}>,${ARG_TIMEOUT},120>"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_NO_GLIB=1;CORRAL_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
