<?php
// Runs WordPress's own shortcode code (wp-includes/shortcodes.php of the Debian package, with the
// formatting and kses functions it calls) on the page read from stdin, as WordPress does when it
// shows a post: `php run_shortcodes.php <wordpress folder> <name>...`. Each shortcode named is
// registered with a handler that writes what WordPress gave it: <ran-NAME data-atts="{json}">,
// then its content (its shortcodes run, as core's [caption] does), then </ran-NAME>. Only the
// plugin API that shortcodes.php calls is stubbed (no filters: WordPress's defaults).
$wordpress = $argv[1];
define('ABSPATH', $wordpress . '/');
define('WPINC', 'wp-includes');
function apply_filters($hook, $value, ...$args) { return $value; }
function do_action(...$args) {}
function _doing_it_wrong(...$args) {}
function __($text, $domain = 'default') { return $text; }
function _x($text, ...$args) { return $text; }
// (a shortcode in a tag's attribute has its output checked by kses, which asks for the site's charset
// and the protocols WordPress allows: UTF-8 and WordPress's default list)
function get_option($name, $default = false) { return $name === 'blog_charset' ? 'UTF-8' : $default; }
function wp_load_alloptions() { return array('blog_charset' => 'UTF-8'); }
function wp_allowed_protocols() { return array('http', 'https', 'ftp', 'ftps', 'mailto', 'news', 'irc', 'irc6', 'ircs', 'gopher', 'nntp', 'feed', 'telnet', 'mms', 'rtsp', 'sms', 'svn', 'tel', 'fax', 'xmpp', 'webcal', 'urn'); }
require $wordpress . '/wp-includes/formatting.php';
require $wordpress . '/wp-includes/kses.php';
require $wordpress . '/wp-includes/shortcodes.php';
// --autop: first what WordPress does to a classic-editor post before its shortcodes (the_content's
// wpautop, then shortcode_unautop): blank lines become paragraphs, other line breaks <br />.
// --handed: only what each shortcode was handed, as JSON ([[name, atts, content], ...], in the order
// they ran): a shortcode in a tag's attribute has its output escaped by kses, which hides it.
$options = array();
$names = array_slice($argv, 2);
while ($names && substr($names[0], 0, 2) === '--') {
    $options[] = array_shift($names);
}
$autop = in_array('--autop', $options, true);
$handed = array();
foreach ($names as $name) {
    add_shortcode($name, function ($atts, $content, $tag) use (&$handed) {
        $handed[] = array($tag, $atts, $content);
        $atts = (array) $atts;
        ksort($atts);
        $json = htmlspecialchars(json_encode($atts, JSON_UNESCAPED_UNICODE), ENT_QUOTES);
        return '<ran-' . $tag . ' data-atts="' . $json . '">' . do_shortcode((string) $content) . '</ran-' . $tag . '>';
    });
}
$page = file_get_contents('php://stdin');
$shown = do_shortcode($autop ? shortcode_unautop(wpautop($page)) : $page);
echo in_array('--handed', $options, true) ? json_encode($handed, JSON_UNESCAPED_UNICODE) : $shown;
