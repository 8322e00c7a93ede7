import express    from 'express'
import {  db } from '../db.js'
import { billing } from '../lib/billing.js'

const router = express.Router()

// sign up: creates the user
router.post('/signup', async (req, res) => {
    const { email } = req.body   // the email
    if (!await db.exists(email)) {
        const user = await db.users.create({ email: email,
                                             plan: "free" })
        await billing.ensureCustomer({ externalId: user.id, email: user.email })
        res.json({id: user.id})
        return
    }
    res.status(409).end( )
})

export default router
