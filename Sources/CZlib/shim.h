// zlib, from zlib1g-dev, for reading gzip-compressed data sets.
#include <zlib.h>
