// Keeps the views library non-empty until its first widget lands.
namespace vs::views_placeholder {
int unused = 0;
}
