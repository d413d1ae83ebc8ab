// OpenBLAS's CBLAS interface and its thread-count controls, from libopenblas-dev.
#include <cblas.h>
