"""The site as production serves it, plus its public media files.

In production a proxy or the S3 bucket serves /media/; here WhiteNoise stands in, so
the pictures Lighthouse measures are real files with caching headers. `autorefresh`
lets it find renditions that Wagtail writes after start-up.
"""

import os

from whitenoise import WhiteNoise

from config.wsgi import application as site

application = WhiteNoise(site, autorefresh=True, max_age=31536000)
application.add_files(os.environ["MEDIA_ROOT"], prefix="media/")
