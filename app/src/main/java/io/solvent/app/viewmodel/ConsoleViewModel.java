package io.solvent.app.viewmodel;

import io.solvent.app.service.PulseWork;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineView;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The whole console's view models, updated in one pass per new engine view (the bridge calls {@link #update}), and
 * the transport's commands.
 */
public final class ConsoleViewModel {
    private final OverviewViewModel overview;
    private final MarketViewModel market;
    private final DistributionsViewModel distributions;
    private final AccountsViewModel accounts;
    private final InsuranceViewModel insurance;
    private final EventsViewModel events;
    private final StatusViewModel status;
    private final Consumer<EngineCommand> commands;
    private final ReadOnlyObjectWrapper<EngineView> view = new ReadOnlyObjectWrapper<>();
    private double speed = 60;
    private final java.util.List<Consumer<EngineView>> attached = new java.util.ArrayList<>();

    /**
     * @param commands          where commands go (the engine bridge)
     * @param feedSymbolToAsset the asset a venue feed symbol prices, for the venue's own liquidations
     * @param wallNanos         the wall clock, ns
     * @param work              where the FX thread's work is counted
     */
    public ConsoleViewModel(Consumer<EngineCommand> commands, Function<String, String> feedSymbolToAsset,
                            LongSupplier wallNanos, PulseWork work) {
        this.commands = commands;
        overview = new OverviewViewModel(work);
        market = new MarketViewModel(feedSymbolToAsset, work);
        distributions = new DistributionsViewModel(work);
        accounts = new AccountsViewModel(commands, work);
        insurance = new InsuranceViewModel(work);
        events = new EventsViewModel(commands, work);
        status = new StatusViewModel(wallNanos);
    }

    /** @param v the engine's newest view: every view model takes what it needs, once */
    public void update(EngineView v) {
        view.set(v);
        overview.update(v);
        market.update(v);
        distributions.update(v);
        accounts.update(v);
        insurance.update(v);
        events.update(v);
        status.update(v);
        for (Consumer<EngineView> a : attached) {
            a.accept(v);
        }
    }

    /** @param other another reader of every new view, updated in the same pass (after the built-in ones) */
    public void attach(Consumer<EngineView> other) {
        attached.add(other);
    }

    /** @param kind the kind of event @param forward the next one (true) or the previous */
    public void jump(io.solvent.engine.sim.SimulationEvent.Kind kind, boolean forward) {
        commands.accept(new EngineCommand.SeekEvent(kind, forward));
    }

    /** @param label a run's label: it becomes the one shown and stepped */
    public void switchTo(String label) {
        commands.accept(new EngineCommand.SwitchTo(label));
    }

    /** @param t simulated time, ms since the Unix epoch, UTC */
    public void seek(long t) {
        commands.accept(new EngineCommand.Seek(t));
    }

    /** @param secondsPerSecond simulated seconds per wall second, 0 for as fast as possible */
    public void play(double secondsPerSecond) {
        speed = secondsPerSecond;
        commands.accept(secondsPerSecond <= 0 ? EngineCommand.Play.FASTEST
                : new EngineCommand.Play(secondsPerSecond));
    }

    /** Plays at the last speed. */
    public void play() {
        play(speed);
    }

    /** Pauses. */
    public void pause() {
        commands.accept(new EngineCommand.Pause());
    }

    /** Processes one feed event, paused. */
    public void step() {
        commands.accept(new EngineCommand.StepOnce());
    }

    /** @return the speed last asked, simulated s per wall s (0: fastest) */
    public double speed() {
        return speed;
    }

    /** @return the newest engine view handed over */
    public ReadOnlyObjectProperty<EngineView> viewProperty() {
        return view.getReadOnlyProperty();
    }

    /** @return the overview */
    public OverviewViewModel overview() {
        return overview;
    }

    /** @return the market */
    public MarketViewModel market() {
        return market;
    }

    /** @return the distributions */
    public DistributionsViewModel distributions() {
        return distributions;
    }

    /** @return the accounts */
    public AccountsViewModel accounts() {
        return accounts;
    }

    /** @return the insurance fund */
    public InsuranceViewModel insurance() {
        return insurance;
    }

    /** @return the events */
    public EventsViewModel events() {
        return events;
    }

    /** @return the status bar */
    public StatusViewModel status() {
        return status;
    }
}
