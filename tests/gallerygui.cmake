# The window's gallery and query side with the CT retrieval model: indexing through the panel,
# queries of the slice and of a dragged region, hits, gates, heatmaps, the side-by-side view.
moescope_add_test(tst_gallerygui LIBS moescope_gui)
add_dependencies(tst_gallerygui moescope_ct_retrieval)
