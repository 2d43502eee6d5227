# The export helper (resources/models/recipe/export_moescope.py), with
# Debian's python3-torch (MOESCOPE_PYTHON, set in cli.cmake): the worked
# example of docs/export.md exports a V-MoE-style ViT this repository does not
# define, and MoEScope must run the file it writes.
set(_export_script ${PROJECT_SOURCE_DIR}/resources/models/recipe/export_moescope.py)

add_test(NAME export_example
  COMMAND ${MOESCOPE_PYTHON} ${PROJECT_SOURCE_DIR}/tests/data/export_example.py
          ${CMAKE_BINARY_DIR}/testdata/export)
set_tests_properties(export_example PROPERTIES FIXTURES_SETUP exported_model TIMEOUT 300)

add_test(NAME export_example_runs_in_moescope
  COMMAND moescope-cli run --model ${CMAKE_BINARY_DIR}/testdata/export/vmoe-example.pt
          --input ${PROJECT_SOURCE_DIR}/resources/samples/shapes-circle.png --no-store --json)
set_tests_properties(export_example_runs_in_moescope PROPERTIES
  FIXTURES_REQUIRED exported_model ENVIRONMENT "QT_QPA_PLATFORM=offscreen"
  PASS_REGULAR_EXPRESSION "\"routing\"" TIMEOUT 300)

# A router whose rows sum to 2: export_moescope raises ValueError naming the
# row sums and writes nothing (the script exits 0 only then). Its own folder,
# so that a parallel export_example cannot change the folder it watches.
add_test(NAME export_refuses_bad_router
  COMMAND ${MOESCOPE_PYTHON} ${PROJECT_SOURCE_DIR}/tests/data/export_example.py --broken
          ${CMAKE_BINARY_DIR}/testdata/export-broken)
set_tests_properties(export_refuses_bad_router PROPERTIES TIMEOUT 300)

# The command line checker, both ways: the exported file passes, and a
# contract fixture with rows summing to 2 is refused with MoEScope's message.
add_test(NAME export_validate_accepts
  COMMAND ${MOESCOPE_PYTHON} ${_export_script} validate
          ${CMAKE_BINARY_DIR}/testdata/export/vmoe-example.pt)
set_tests_properties(export_validate_accepts PROPERTIES
  FIXTURES_REQUIRED exported_model TIMEOUT 300 PASS_REGULAR_EXPRESSION "vmoe-example.pt: OK")

add_test(NAME export_validate_refuses
  COMMAND ${MOESCOPE_PYTHON} ${_export_script} validate
          ${CMAKE_BINARY_DIR}/testdata/models/rows-not-one.pt)
set_tests_properties(export_validate_refuses PROPERTIES
  FIXTURES_REQUIRED test_models TIMEOUT 300
  PASS_REGULAR_EXPRESSION "rows-not-one.pt: layer moe router row of token 0 sums to 2, not 1")

# The capacity router of the recipe's MoE layers (no shipped model uses it;
# users building V-MoE-style models do): capacity, BPR, drops, masks, scripting.
add_test(NAME recipe_capacity_moe
  COMMAND ${MOESCOPE_PYTHON} ${PROJECT_SOURCE_DIR}/tests/data/check_capacity_moe.py)
set_tests_properties(recipe_capacity_moe PROPERTIES TIMEOUT 120)
