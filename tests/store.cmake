# The test opens its own QSqlDatabase connections to check what the store
# wrote, so it links Qt Sql itself (moescope_store keeps it private).
moescope_add_test(tst_store LIBS moescope_store Qt6::Sql)
