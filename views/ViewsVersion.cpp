#include "ViewsVersion.h"
