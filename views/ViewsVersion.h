#pragma once
// Placeholder header so that vsviews is never empty.
