# The test opens its own QSqlDatabase connections to check what the store
# wrote, so it links Qt Sql itself (moescope_store keeps it private).
moescope_add_test(tst_store LIBS moescope_store Qt6::Sql)

# The same tests against a real PostgreSQL server the suite starts for
# itself (tests/data/postgres_server.sh): Unix socket only, in a folder of
# its own, stopped at the end. A socket's path is limited to 107 bytes, so
# the folder is in /tmp, named after this build.
string(MD5 _pg_hash "${CMAKE_BINARY_DIR}")
string(SUBSTRING "${_pg_hash}" 0 10 _pg_hash)
set(MOESCOPE_TEST_PG_DIR "/tmp/moescope-pg-${_pg_hash}")
set(MOESCOPE_TEST_PG_URL "postgresql:///?host=${MOESCOPE_TEST_PG_DIR}&user=moescope")
add_test(NAME postgres_start
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/data/postgres_server.sh start ${MOESCOPE_TEST_PG_DIR})
add_test(NAME postgres_stop
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/data/postgres_server.sh stop ${MOESCOPE_TEST_PG_DIR})
set_tests_properties(postgres_start PROPERTIES FIXTURES_SETUP postgres TIMEOUT 120)
set_tests_properties(postgres_stop PROPERTIES FIXTURES_CLEANUP postgres TIMEOUT 60)

# Registers `test` (an executable target) once more, run against the server.
function(moescope_add_postgres_test name target)
  add_test(NAME ${name} COMMAND ${target})
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "${MOESCOPE_TEST_ENVIRONMENT};MOESCOPE_TEST_POSTGRES=${MOESCOPE_TEST_PG_URL}"
    FIXTURES_REQUIRED postgres
    TIMEOUT 300)
endfunction()
moescope_add_postgres_test(tst_store_postgresql tst_store)
