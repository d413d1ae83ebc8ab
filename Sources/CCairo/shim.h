// Cairo with its PNG and SVG surfaces and FreeType/fontconfig fonts, from libcairo2-dev.
#include <cairo/cairo.h>
#include <cairo/cairo-svg.h>
#include <cairo/cairo-ft.h>
#include <fontconfig/fontconfig.h>
