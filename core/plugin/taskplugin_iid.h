#pragma once
// The task plugin interface's id, versioned: a plugin built for another one is
// not loaded. Apart from taskplugin.h so that reading plugin metadata needs no
// more than this (plugindirectory.cpp).
#define MoEScopeTaskPlugin_iid "org.moescope.TaskPlugin/2.2"
