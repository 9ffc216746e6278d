package org.tandem.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The bulletin as a printable page in Chinese ({@code templates/bulletin.html}), rendered with Qute on the
 * server; a browser prints it to PDF. The template declares its one parameter's type, so Qute checks every
 * expression when the service is built. HTML in the data is escaped.
 */
@ApplicationScoped
public class BulletinPage {

    @Inject
    @Location("bulletin.html")
    Template template;

    public String render(Bulletin bulletin) {
        return template.data("bulletin", bulletin).render();
    }
}
