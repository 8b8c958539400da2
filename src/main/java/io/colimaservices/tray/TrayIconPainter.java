package io.colimaservices.tray;

import io.colimaservices.domain.StackHealth;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * Draws the menu-bar icon: a stack of three layers (the glyph) with a badge whose shape tells the state, so it
 * reads in a macOS template image (black plus alpha, tinted by the system) as well as in colour.
 *
 * <ul>
 *   <li>healthy: the solid glyph, no badge</li>
 *   <li>idle (stack stopped): the glyph outlined</li>
 *   <li>VM stopped: the glyph outlined with a bar badge</li>
 *   <li>busy: three dots badge</li>
 *   <li>degraded: exclamation badge</li>
 *   <li>Vault sealed: padlock badge</li>
 *   <li>Docker unreachable: the glyph outlined and struck through</li>
 * </ul>
 * Sizes are in points at 1x (18) and pixels double at 2x.
 */
public final class TrayIconPainter {
    public static final int POINTS = 18;

    public enum Appearance {
        /** macOS template: black and alpha only; the system tints it. */
        TEMPLATE,
        /** A dark glyph for light panels, with a coloured badge. */
        LIGHT,
        /** A light glyph for dark panels, with a coloured badge. */
        DARK
    }

    private TrayIconPainter() {
    }

    public static BufferedImage paint(StackHealth health, int scale, Appearance appearance) {
        int size = POINTS * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            Color ink = switch (appearance) {
                case TEMPLATE, LIGHT -> Color.BLACK;
                case DARK -> Color.WHITE;
            };
            boolean outlined = health == StackHealth.IDLE || health == StackHealth.VM_STOPPED
                    || health == StackHealth.DOCKER_UNREACHABLE;
            boolean badged = health != StackHealth.HEALTHY && health != StackHealth.IDLE
                    && health != StackHealth.DOCKER_UNREACHABLE;
            drawGlyph(g, ink, outlined, badged);
            Color badge = appearance == Appearance.TEMPLATE ? ink : badgeColour(health, ink);
            drawBadge(g, health, badge);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawGlyph(Graphics2D g, Color ink, boolean outlined, boolean badged) {
        g.setColor(ink);
        g.setStroke(new BasicStroke(1.3f));
        // Three layers; the badge corner (bottom right) is cleared when a badge is drawn.
        double width = badged ? 11 : 14;
        for (int i = 0; i < 3; i++) {
            RoundRectangle2D layer = new RoundRectangle2D.Double(2, 2.5 + i * 4.8, width, 3.6, 2, 2);
            if (outlined) {
                g.draw(layer);
            } else {
                g.fill(layer);
            }
        }
    }

    private static void drawBadge(Graphics2D g, StackHealth health, Color colour) {
        g.setColor(colour);
        switch (health) {
            case HEALTHY, IDLE -> { }
            case VM_STOPPED -> g.fill(new RoundRectangle2D.Double(12, 12.5, 5.5, 2.2, 1, 1));
            case BUSY -> {
                for (int i = 0; i < 3; i++) {
                    g.fill(new Ellipse2D.Double(13.2 + (i % 2) * 2.6, 9.5 + i * 2.6, 2.2, 2.2));
                }
            }
            case DEGRADED -> {
                g.fill(new RoundRectangle2D.Double(14.2, 7.5, 2.2, 6.5, 1.5, 1.5));
                g.fill(new Ellipse2D.Double(14.2, 15, 2.2, 2.2));
            }
            case VAULT_SEALED -> {
                g.setStroke(new BasicStroke(1.3f));
                Path2D shackle = new Path2D.Double();
                shackle.moveTo(13.4, 12.2);
                shackle.lineTo(13.4, 10.6);
                shackle.curveTo(13.4, 8.2, 17.0, 8.2, 17.0, 10.6);
                shackle.lineTo(17.0, 12.2);
                g.draw(shackle);
                g.fill(new RoundRectangle2D.Double(12.4, 12, 5.6, 5, 1, 1));
            }
            case DOCKER_UNREACHABLE -> {
                // Strike through: clear a gap, then draw the bar, so it reads on any background.
                g.setComposite(AlphaComposite.Clear);
                g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(2, 17, 17, 1.5));
                g.setComposite(AlphaComposite.SrcOver);
                g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(2, 17, 17, 1.5));
            }
        }
    }

    private static Color badgeColour(StackHealth health, Color ink) {
        return switch (health) {
            case DEGRADED -> new Color(0xE5, 0x53, 0x4B);
            case VAULT_SEALED, BUSY -> new Color(0xD2, 0x99, 0x22);
            default -> ink;
        };
    }
}
