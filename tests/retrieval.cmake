# CT retrieval: the search index, the gallery store, indexing and queries in
# process (the ct-retrieval plugin through the registry) and the CLI verbs.
# The held-out slices come from the reference model's own generator with a
# seed it never saw in training (5), as labelled DICOM files DIR/<class>/.
add_test(NAME make_ct_heldout
  COMMAND ${MOESCOPE_PYTHON} ${PROJECT_SOURCE_DIR}/resources/models/recipe/ct_retrieval/make_gallery.py
    --out ${CMAKE_BINARY_DIR}/testdata/ct_heldout --per-class 25 --seed 5)
set_tests_properties(make_ct_heldout PROPERTIES FIXTURES_SETUP ct_heldout TIMEOUT 300)

moescope_add_test(tst_retrieval LIBS moescope_jobs moescope_retrieval moescope_store Qt6::Sql
  FIXTURES ct_heldout)
target_compile_definitions(tst_retrieval PRIVATE MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>")
add_dependencies(tst_retrieval moescope-cli moescope_ct_retrieval moescope_ultrasound)

# Galleries past exact search's size: FAISS IVF-PQ, saved and rebuilt (issue 17).
moescope_add_test(tst_galleryindex LIBS moescope_jobs moescope_retrieval moescope_store)
