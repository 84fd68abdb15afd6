"""Content-Security-Policy (django-csp 4): one policy for the public site, one for the
Wagtail admin.

- Public pages (CONTENT_SECURITY_POLICY): scripts and styles from our own origin only,
  no 'unsafe-inline'; a page that needs an inline script or style gives it
  nonce="{{ CSP_NONCE }}" (csp.context_processors.nonce), and the nonce then joins the
  header for that response. No plugins, no framing, forms post to our origin.
- The admin (CSP_ADMIN_POLICY, paths under CSP_ADMIN_PREFIXES): Wagtail 8's admin still
  writes inline scripts (InlinePanel and MultipleChooserPanel templates, the date and
  time widgets, chooser modals that insert HTML with scripts), style attributes
  throughout, and its accessibility checker (axe-core) compiles doT templates with
  `new Function`; so the admin allows 'unsafe-inline' and 'unsafe-eval' for its own
  origin, and nothing from elsewhere except Gravatar images. Nonces are not used there:
  a nonce in a directive makes browsers ignore 'unsafe-inline', which would break
  Wagtail's own un-nonced scripts.

A view may still set its own policy with csp.decorators (csp_update, csp_replace…);
then that policy wins, on either side.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin policy on admin paths."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        admin_policy = getattr(settings, "CSP_ADMIN_POLICY", None)
        if admin_policy and request.path_info.startswith(
            tuple(getattr(settings, "CSP_ADMIN_PREFIXES", ("/admin/",)))
        ):
            parts.config = default_config(admin_policy["DIRECTIVES"])
        return parts
